package io.lns.loadtest.lac;

import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.DataMessage;
import io.lns.ppp.frame.PppDecodeException;
import io.lns.ppp.frame.PppFrame;
import io.netty.buffer.Unpooled;

/**
 * The data plane of one call: PPP frames out as L2TP data messages and back (RFC 2661 §5.4). Out:
 * T=0 with the L bit set, addressed to the LNS's tunnel and session ids, the frame with {@code FF
 * 03} and a two-octet protocol field. With sequencing on, the S bit and Ns counting up from 0 (Nr
 * is reserved in data messages and sent as 0, §3.1). Sequencing is on when we required it in the
 * ICCN (Sequencing Required AVP), or while the LNS puts sequence numbers in its own data messages —
 * the LNS may turn it on and off when the LAC did not require it.
 *
 * <p>In: a sequenced message whose Ns is behind the one expected is dropped (out of sequence); a
 * payload that is not a PPP frame is counted as malformed. Nothing here throws for what arrives.
 */
public final class DataChannel {
    private final int peerTunnelId;
    private final int peerSessionId;
    private final boolean required;

    private boolean peerSequences;
    private int ns;
    private int expectedNs = -1;

    private long sent;
    private long received;
    private long malformed;
    private long outOfSequence;

    public DataChannel(int peerTunnelId, int peerSessionId, boolean sequencingRequired) {
        this.peerTunnelId = peerTunnelId;
        this.peerSessionId = peerSessionId;
        this.required = sequencingRequired;
    }

    /** The data message carrying {@code frame} (its payload a fresh heap buffer, released by the writer). */
    public DataMessage wrap(PppFrame frame) {
        boolean seq = sequencing();
        L2tpHeader header = new L2tpHeader(
                false,
                true,
                seq,
                false,
                false,
                L2tpHeader.ABSENT,
                peerTunnelId,
                peerSessionId,
                seq ? ns : L2tpHeader.ABSENT,
                seq ? 0 : L2tpHeader.ABSENT,
                L2tpHeader.ABSENT);
        if (seq) ns = (ns + 1) & 0xFFFF;
        sent++;
        return new DataMessage(header, Unpooled.wrappedBuffer(frame.encode()));
    }

    /**
     * The PPP frame in a data message for this call, or null when it is dropped (malformed, out of
     * sequence). Reads the payload without releasing it.
     */
    public PppFrame unwrap(DataMessage m) {
        L2tpHeader h = m.header();
        peerSequences = h.sequencePresent();
        if (h.sequencePresent()) {
            if (expectedNs >= 0 && (short) (h.ns() - expectedNs) < 0) {
                outOfSequence++;
                return null;
            }
            expectedNs = (h.ns() + 1) & 0xFFFF;
        }
        try {
            PppFrame frame = PppFrame.decode(m.payload().duplicate());
            received++;
            return frame;
        } catch (PppDecodeException e) {
            malformed++;
            return null;
        }
    }

    /** Whether our data messages carry sequence numbers now. */
    public boolean sequencing() {
        return required || peerSequences;
    }

    public long sent() {
        return sent;
    }

    public long received() {
        return received;
    }

    public long malformed() {
        return malformed;
    }

    public long outOfSequence() {
        return outOfSequence;
    }
}
