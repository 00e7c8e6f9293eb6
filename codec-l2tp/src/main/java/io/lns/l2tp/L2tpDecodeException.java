package io.lns.l2tp;

/**
 * The only exception the L2TP decoders throw: it names the field, its byte offset in the datagram and
 * what is wrong, so a malformed packet can be counted, logged and dropped (or answered, RFC 2661 §4.2).
 */
public final class L2tpDecodeException extends Exception {

    /** Why a datagram could not be decoded; lets callers count by reason without parsing messages. */
    public enum Reason {
        /** The datagram ends before a field that must be there. */
        TRUNCATED,
        /** A length field disagrees with the datagram or with the rules for it. */
        BAD_LENGTH,
        /** A field holds a value the RFC forbids (e.g. a control message without its Length field). */
        BAD_VALUE,
        /** Version 1: an L2F packet (RFC 2341), not L2TP. */
        L2F_PACKET,
        /** Version 3: an L2TPv3 packet (RFC 3931), which this LNS does not speak. */
        L2TPV3_PACKET,
        /** A version number no L2TP or L2F uses. */
        UNKNOWN_VERSION
    }

    private final Reason reason;
    private final String field;
    private final int offset;

    public L2tpDecodeException(Reason reason, String field, int offset, String detail) {
        super(field + " at offset " + offset + ": " + detail, null, false, false);
        this.reason = reason;
        this.field = field;
        this.offset = offset;
    }

    public Reason reason() {
        return reason;
    }

    /** The name of the offending field, e.g. {@code "AVP length"}. */
    public String field() {
        return field;
    }

    /** Byte offset of the offending field from the start of the L2TP header. */
    public int offset() {
        return offset;
    }
}
