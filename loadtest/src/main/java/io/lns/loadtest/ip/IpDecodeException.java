package io.lns.loadtest.ip;

/** A packet the tiny IP stack cannot read, with the field at fault; counted and dropped by callers. */
public final class IpDecodeException extends RuntimeException {
    private final String field;

    public IpDecodeException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
