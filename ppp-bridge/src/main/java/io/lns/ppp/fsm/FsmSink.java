package io.lns.ppp.fsm;

import io.lns.ppp.frame.ControlPacket;

/** Output of an {@link OptionFsm}: packets to send and the RFC 1661 §4.4 layer actions. */
public interface FsmSink {
    /** Send {@code packet} in a PPP frame of {@code protocol}. */
    void send(int protocol, ControlPacket packet);

    /** tlu: the layer is up. */
    default void layerUp() {}

    /** tld: the layer is leaving Opened. */
    default void layerDown(String reason) {}

    /** tls: the layer needs the lower layer. */
    default void layerStarted() {}

    /** tlf: the layer no longer needs the lower layer. */
    default void layerFinished(String reason) {}

    /** A received packet was malformed and silently discarded (RFC 1661 §5); {@code why} says how. */
    default void discarded(ControlPacket packet, String why) {}

    /** Call {@code tick} at or after {@code deadlineNanos}; {@code Long.MAX_VALUE} means no timer. */
    default void timerWanted(long deadlineNanos) {}
}
