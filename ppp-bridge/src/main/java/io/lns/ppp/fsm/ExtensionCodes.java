package io.lns.ppp.fsm;

import io.lns.ppp.frame.ControlPacket;

/**
 * Codes beyond 1–7 that a protocol adds (LCP: Protocol-Reject, Echo, Discard). Returns which
 * RFC 1661 event the packet is; for {@link Event#RXR} the handler has already acted (ser).
 */
@FunctionalInterface
public interface ExtensionCodes {
    enum Event {
        /** RUC: unknown code, Code-Reject it. */
        RUC,
        /** RXR: handled, no transition. */
        RXR,
        /** RXJ+: a permitted reject. */
        RXJ_PLUS,
        /** RXJ-: a catastrophic reject. */
        RXJ_MINUS
    }

    Event receive(ControlPacket packet, State state, long now);

    ExtensionCodes NONE = (packet, state, now) -> Event.RUC;
}
