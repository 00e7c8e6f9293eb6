package io.lns.l2tp.avp;

/**
 * A known AVP whose value could not be decoded, with the raw octets as received (still hidden
 * when it was hidden) and why. The control plane decides what to do: RFC 2661 §4.2 lets a
 * receiver tear down the tunnel or session on a bad mandatory AVP.
 */
public record InvalidValue(Octets raw, Problem problem, String detail) implements AvpValue {

    public enum Problem {
        /** Wrong length or a field out of range for this AVP type. */
        MALFORMED,
        /** The H bit is set but no Random Vector AVP came before it in the message (§4.3). */
        HIDDEN_WITHOUT_RANDOM_VECTOR,
        /** The H bit is set and no tunnel secret was given to reveal it. */
        HIDDEN_NO_SECRET,
        /** Revealing gave an original length that does not fit: the secret is not the peer's. */
        HIDDEN_WRONG_SECRET
    }

    public boolean hiddenProblem() {
        return problem != Problem.MALFORMED;
    }
}
