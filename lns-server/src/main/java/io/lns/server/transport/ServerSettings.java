package io.lns.server.transport;

import io.lns.l2tp.control.TunnelSettings;
import io.lns.server.tunnel.Admission;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the transport needs: where to listen, how to make the settings of a new tunnel for a peer
 * (profiles resolved by the caller), admission limits, sockets.
 *
 * @param tunnelSettings (peer address, peer Host Name) → settings of the new tunnel
 */
public record ServerSettings(
        List<InetSocketAddress> listen,
        BiFunction<InetSocketAddress, String, TunnelSettings> tunnelSettings,
        Admission.Limits limits,
        SourcePortPolicy sourcePorts,
        int threads,
        int receiveBufferBytes) {

    public static final int L2TP_PORT = 1701;
}
