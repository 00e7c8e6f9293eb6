package io.lns.ppp.frame;

/** A PPP frame or control packet that cannot be decoded; {@link #field()} names what is wrong. */
public final class PppDecodeException extends RuntimeException {
    private final String field;

    public PppDecodeException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
