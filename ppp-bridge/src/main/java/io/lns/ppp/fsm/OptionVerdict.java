package io.lns.ppp.fsm;

/** An {@link OptionHandler}'s answer to one option of the peer's Configure-Request (RFC 1661 §5.2–5.4). */
public sealed interface OptionVerdict {
    OptionVerdict ACK = new Ack();
    OptionVerdict REJECT = new Reject();

    record Ack() implements OptionVerdict {}

    /** Not acceptable as sent; {@code suggestion} is the value we would accept. */
    record Nak(byte[] suggestion) implements OptionVerdict {}

    record Reject() implements OptionVerdict {}

    static OptionVerdict nak(byte[] suggestion) {
        return new Nak(suggestion.clone());
    }
}
