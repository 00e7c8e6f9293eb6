package io.lns.ppp.fsm;

import java.util.Optional;

/**
 * One Configuration Option of a control protocol (RFC 1661 §6), registered on an {@link OptionFsm}.
 * It holds both directions: what we request of the peer, and how we judge what the peer requests.
 */
public interface OptionHandler {
    int type();

    /** Our desired value for the next Configure-Request, or {@code null} to leave the option out. */
    byte[] requestValue();

    /** The peer acknowledged our value. */
    default void acked(byte[] value) {}

    /**
     * {@code value} was requested for us and acknowledged in a negotiation held elsewhere (proxy LCP,
     * RFC 2661 §4.4.5): take it as ours. Must tolerate any value, as it did not come from us. Default:
     * as {@link #acked}.
     */
    default void adopt(byte[] value) {
        acked(value);
    }

    /** The peer Nak'ed our value (or asked for an option we did not send), suggesting {@code value}. */
    void naked(byte[] value);

    /** The peer rejected the option: stop sending it until {@link #reset()}. */
    void rejected();

    /** Judges the value the peer requests. */
    OptionVerdict check(byte[] value);

    /**
     * An option the peer must include in its Configure-Request. When the peer's request leaves this
     * option out, the automaton adds it with the returned value to its Configure-Nak, prompting the
     * peer to request it (RFC 1661 §5.3: a Nak may list options "which the sender should include").
     * Not consulted when the request draws a Configure-Reject, nor once Max-Failure is reached (the
     * request is then judged on the options it carries). Default: nothing is required.
     */
    default Optional<byte[]> requireFromPeer() {
        return Optional.empty();
    }

    /** We acknowledged the peer's request containing {@code value}: it is now in force. */
    default void peerAcked(byte[] value) {}

    /** A new negotiation starts (This-Layer-Started): forget rejections and peer values. */
    default void reset() {}
}
