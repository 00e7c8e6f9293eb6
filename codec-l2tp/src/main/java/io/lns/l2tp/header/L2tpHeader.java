package io.lns.l2tp.header;

/**
 * The L2TPv2 header (RFC 2661 §3.1) as it was on the wire or is to be written.
 *
 * <p>Optional fields are {@link #ABSENT} when their flag bit is clear. {@code length} is the
 * value of the Length field when present; the encoder recomputes it. {@code offsetSize} is the
 * number of padding octets between the header and the payload.
 */
public record L2tpHeader(
        boolean control,
        boolean lengthPresent,
        boolean sequencePresent,
        boolean offsetPresent,
        boolean priority,
        int length,
        int tunnelId,
        int sessionId,
        int ns,
        int nr,
        int offsetSize) {

    public static final int ABSENT = -1;
    public static final int VERSION = 2;

    public L2tpHeader {
        checkU16("tunnelId", tunnelId);
        checkU16("sessionId", sessionId);
        if (sequencePresent) {
            checkU16("ns", ns);
            checkU16("nr", nr);
        } else if (ns != ABSENT || nr != ABSENT) {
            throw new IllegalArgumentException("ns/nr given without the S bit");
        }
        if (offsetPresent) {
            checkU16("offsetSize", offsetSize);
        } else if (offsetSize != ABSENT) {
            throw new IllegalArgumentException("offsetSize given without the O bit");
        }
        if (lengthPresent) {
            if (length != ABSENT) checkU16("length", length);
        } else if (length != ABSENT) {
            throw new IllegalArgumentException("length given without the L bit");
        }
        if (control && (!lengthPresent || !sequencePresent || offsetPresent || priority)) {
            throw new IllegalArgumentException("a control message has L=1, S=1, O=0, P=0 (RFC 2661 §3.1)");
        }
    }

    /** A control message header; the Length field is filled in by the encoder. */
    public static L2tpHeader control(int tunnelId, int sessionId, int ns, int nr) {
        return new L2tpHeader(true, true, true, false, false, ABSENT, tunnelId, sessionId, ns, nr, ABSENT);
    }

    /** The smallest data message header: no length, no sequence numbers, no offset. */
    public static L2tpHeader data(int tunnelId, int sessionId) {
        return new L2tpHeader(false, false, false, false, false, ABSENT, tunnelId, sessionId, ABSENT, ABSENT, ABSENT);
    }

    /** A data message header with Ns (and the reserved Nr, sent as given). */
    public static L2tpHeader sequencedData(int tunnelId, int sessionId, int ns, int nr) {
        return new L2tpHeader(false, false, true, false, false, ABSENT, tunnelId, sessionId, ns, nr, ABSENT);
    }

    /** Octets this header takes on the wire, offset padding included. */
    public int encodedLength() {
        return 6 + (lengthPresent ? 2 : 0) + (sequencePresent ? 4 : 0) + (offsetPresent ? 2 + offsetSize : 0);
    }

    /** The same header with another Length value (the decoder records the wire value). */
    public L2tpHeader withLength(int newLength) {
        return new L2tpHeader(
                control,
                lengthPresent,
                sequencePresent,
                offsetPresent,
                priority,
                newLength,
                tunnelId,
                sessionId,
                ns,
                nr,
                offsetSize);
    }

    private static void checkU16(String name, int v) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException(name + " out of 0..65535: " + v);
    }
}
