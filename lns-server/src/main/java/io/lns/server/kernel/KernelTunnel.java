package io.lns.server.kernel;

import io.lns.config.PppInterfaceName;
import io.lns.linux.NativeException;
import io.lns.linux.PppChannel;
import io.lns.linux.PppoL2tpSocket;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.dataplane.SessionDataPath;
import io.lns.server.dataplane.SubscriberLink;
import io.lns.server.dataplane.TunnelDataPath;
import io.lns.server.dataplane.TunnelEndpoint;
import io.netty.util.collection.IntObjectHashMap;
import java.io.IOException;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One kernel L2TP tunnel (created on the tunnel's own connected socket) and its sessions. The
 * kernel tunnel ends when lns closes that socket, right after {@link #close()} has closed the
 * sessions. On the tunnel's event loop.
 */
final class KernelTunnel implements TunnelDataPath {
    private static final Logger log = LoggerFactory.getLogger(KernelTunnel.class);

    private final TunnelEndpoint endpoint;
    private final KernelDataPlane.LoopResources loop;
    private final PppInterfaceName naming;
    private final DataMetrics data;
    private final KernelMetrics metrics;
    private final IntObjectHashMap<KernelSession> sessions = new IntObjectHashMap<>();
    private boolean closed;

    KernelTunnel(
            TunnelEndpoint endpoint,
            KernelDataPlane.LoopResources loop,
            PppInterfaceName naming,
            DataMetrics data,
            KernelMetrics metrics) {
        this.endpoint = endpoint;
        this.loop = loop;
        this.naming = naming;
        this.data = data;
        this.metrics = metrics;
        metrics.tunnelOpened(endpoint.localTunnelId());
    }

    /**
     * Kernel session, PPPoL2TP socket and PPP channel, before ICRP leaves: a frame the LAC sends
     * for a session the kernel knows but that has no socket yet is lost (FACTS §0 step 6).
     */
    @Override
    public void sessionCreated(int localSessionId, int peerSessionId) throws IOException {
        int tid = endpoint.localTunnelId();
        try {
            loop.genl().createSession(tid, localSessionId, peerSessionId, false);
        } catch (NativeException e) {
            metrics.failed("session_create");
            throw e;
        }
        PppoL2tpSocket socket = null;
        try {
            socket = PppoL2tpSocket.connect(
                    tid, localSessionId, endpoint.peerTunnelId(), peerSessionId, endpoint.ipv6());
            PppChannel channel = PppChannel.attach(socket.channelIndex());
            sessions.put(
                    localSessionId,
                    new KernelSession(endpoint, localSessionId, socket, channel, loop, naming, data, metrics));
            metrics.sessionOpened();
        } catch (NativeException | RuntimeException e) {
            metrics.failed("session_socket");
            if (socket != null) {
                socket.close(); // deletes the kernel session with it
            } else {
                deleteQuietly(tid, localSessionId);
            }
            throw e;
        }
    }

    private void deleteQuietly(int tid, int sid) {
        try {
            loop.genl().deleteSession(tid, sid);
        } catch (NativeException e) {
            log.debug("tunnel {} session {}: deleting the kernel session: {}", tid, sid, e.getMessage());
        }
    }

    @Override
    public SessionDataPath attach(SubscriberLink link, boolean sequencing) {
        KernelSession s = sessions.get(link.localSessionId());
        if (s == null || closed) {
            // sessionCreated failed: its CDN is on its way; end the subscriber as well
            link.loop().execute(() -> link.dataPathFailed("no kernel session"));
            return KernelSession.detached(link);
        }
        if (sequencing) {
            try {
                loop.genl().setSequencing(endpoint.localTunnelId(), link.localSessionId(), true);
            } catch (NativeException e) {
                metrics.failed("session_modify");
                link.loop().execute(() -> link.dataPathFailed("cannot turn sequencing on: " + e.getMessage()));
            }
        }
        s.attach(link);
        return s;
    }

    @Override
    public void sessionClosed(int localSessionId) {
        KernelSession s = sessions.remove(localSessionId);
        if (s != null) s.close();
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (KernelSession s : new ArrayList<>(sessions.values())) s.close();
        sessions.clear();
        metrics.tunnelClosed(endpoint.localTunnelId());
    }
}
