package io.lns.ppp.fsm;

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

    /** The peer Nak'ed our value (or asked for an option we did not send), suggesting {@code value}. */
    void naked(byte[] value);

    /** The peer rejected the option: stop sending it until {@link #reset()}. */
    void rejected();

    /** Judges the value the peer requests. */
    OptionVerdict check(byte[] value);

    /** We acknowledged the peer's request containing {@code value}: it is now in force. */
    default void peerAcked(byte[] value) {}

    /** A new negotiation starts (This-Layer-Started): forget rejections and peer values. */
    default void reset() {}
}
