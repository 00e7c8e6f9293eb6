package io.lns.loadtest.subscriber;

import io.lns.loadtest.lac.LacListener;
import io.lns.loadtest.lac.LacSession;

/**
 * What a {@link SubscriberTunnel} reports beyond the {@link LacListener} events, on the tunnel's
 * thread. With subscribers, {@link LacListener#callUp} means IPCP opened (its latency: ICRQ to
 * IPCP up), and a call whose PPP fails is reported through {@link LacListener#callFailed}.
 */
public interface SubscriberListener extends LacListener {

    /** IPCP opened; reported just before {@link LacListener#callUp}. */
    default void subscriberUp(LacSession session, SubscriberUp up) {}

    /** IPv6CP opened. */
    default void subscriberIpv6Up(LacSession session) {}

    /** The subscriber sent all its probes and got their replies or gave up on them. */
    default void subscriberDataDone(LacSession session) {}
}
