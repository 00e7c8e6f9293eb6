package io.lns.server.transport;

import io.lns.server.tunnel.Admission;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the transport needs: where to listen, how to make the settings of a new tunnel for a peer
 * (profiles resolved by the caller), admission limits, sockets.
 *
 * @param plans (peer address, peer Host Name) → settings and source port of the new tunnel
 */
public record ServerSettings(
        List<InetSocketAddress> listen,
        BiFunction<InetSocketAddress, String, TunnelPlan> plans,
        Admission.Limits limits,
        int threads,
        int receiveBufferBytes) {

    public static final int L2TP_PORT = 1701;
}
