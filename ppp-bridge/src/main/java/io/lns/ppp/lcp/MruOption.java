package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;

/**
 * Maximum-Receive-Unit (RFC 1661 §6.1). We request {@code desired} if set; the peer's value is the
 * largest packet we may send it (default 1500), Nak'ed up to {@code minimum} when smaller.
 */
public final class MruOption implements OptionHandler {
    public static final int DEFAULT_MRU = 1500;

    private final Integer configured;
    private final int minimum;
    private Integer desired;
    private int peerMru = DEFAULT_MRU;
    private int ourMru = DEFAULT_MRU;

    /** @param desired our MRU to request, or {@code null} to not request one */
    public MruOption(Integer desired, int minimum) {
        this.configured = desired;
        this.desired = desired;
        this.minimum = minimum;
    }

    @Override
    public int type() {
        return LcpOptionTypes.MRU;
    }

    @Override
    public byte[] requestValue() {
        return desired == null ? null : u16(desired);
    }

    @Override
    public void acked(byte[] value) {
        ourMru = desired;
    }

    @Override
    public void adopt(byte[] value) {
        if (value.length == 2) {
            ourMru = u16(value);
        }
    }

    @Override
    public void naked(byte[] value) {
        if (value.length == 2) {
            desired = Math.max(minimum, u16(value));
        }
    }

    @Override
    public void rejected() {
        desired = null;
    }

    @Override
    public OptionVerdict check(byte[] value) {
        if (value.length != 2) {
            return OptionVerdict.REJECT;
        }
        return u16(value) < minimum ? OptionVerdict.nak(u16(minimum)) : OptionVerdict.ACK;
    }

    @Override
    public void peerAcked(byte[] value) {
        peerMru = u16(value);
    }

    @Override
    public void reset() {
        desired = configured;
        peerMru = DEFAULT_MRU;
        ourMru = DEFAULT_MRU;
    }

    /** The largest PPP information field the peer accepts. */
    public int peerMru() {
        return peerMru;
    }

    /** The MRU the peer acknowledged for us. */
    public int ourMru() {
        return ourMru;
    }

    static int u16(byte[] b) {
        return ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
    }

    static byte[] u16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }
}
