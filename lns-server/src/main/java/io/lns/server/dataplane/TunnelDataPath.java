package io.lns.server.dataplane;

import java.io.IOException;

/** One tunnel's part of the data plane. Every method runs on the tunnel's event loop. */
public interface TunnelDataPath {

    /**
     * An incoming call was accepted and its ICRP is about to go: whatever must receive the session's
     * first PPP frames has to exist now, because the LAC may start LCP as soon as it sends ICCN.
     */
    default void sessionCreated(int localSessionId, int peerSessionId) throws IOException {}

    /** The path of an established session's subscriber; {@code sequencing} as the call agreed. */
    SessionDataPath attach(SubscriberLink link, boolean sequencing);

    /** The L2TP session is gone, attached or not: release what {@link #sessionCreated} made. */
    default void sessionClosed(int localSessionId) {}

    /** The tunnel is ending; its socket closes right after. */
    default void close() {}
}
