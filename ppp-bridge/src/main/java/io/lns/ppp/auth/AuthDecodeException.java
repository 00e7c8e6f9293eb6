package io.lns.ppp.auth;

/** A PAP or CHAP packet that cannot be decoded: truncated, inconsistent lengths, unknown code. */
public final class AuthDecodeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public AuthDecodeException(String message) {
        super(message);
    }
}
