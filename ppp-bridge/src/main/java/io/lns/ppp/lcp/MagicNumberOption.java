package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;
import java.util.function.IntSupplier;

/**
 * Magic-Number (RFC 1661 §6.4): a random non-zero number for loop detection. A peer requesting our
 * own number means a looped-back link (or a coincidence): Nak it with a fresh number and pick a new
 * one for ourselves.
 */
public final class MagicNumberOption implements OptionHandler {
    private final IntSupplier random;
    private int ours;
    private boolean rejected;
    private boolean acked;
    private int peers;

    public MagicNumberOption(IntSupplier random) {
        this.random = random;
        this.ours = fresh();
    }

    private int fresh() {
        int m;
        do {
            m = random.getAsInt();
        } while (m == 0);
        return m;
    }

    @Override
    public int type() {
        return LcpOptionTypes.MAGIC_NUMBER;
    }

    @Override
    public byte[] requestValue() {
        return rejected ? null : u32(ours);
    }

    @Override
    public void acked(byte[] value) {
        acked = true;
    }

    /** A magic number chosen for us elsewhere (the LAC's, under proxy LCP) becomes ours. */
    @Override
    public void adopt(byte[] value) {
        if (value.length == 4 && u32(value) != 0) {
            ours = u32(value);
            acked = true;
        }
    }

    @Override
    public void naked(byte[] value) {
        ours = fresh();
    }

    @Override
    public void rejected() {
        rejected = true;
    }

    @Override
    public OptionVerdict check(byte[] value) {
        if (value.length != 4) {
            return OptionVerdict.REJECT;
        }
        int theirs = u32(value);
        if (theirs == 0 || (!rejected && theirs == ours)) {
            int suggestion;
            do {
                suggestion = fresh();
            } while (suggestion == ours);
            if (theirs != 0) {
                ours = fresh();
            }
            return OptionVerdict.nak(u32(suggestion));
        }
        return OptionVerdict.ACK;
    }

    @Override
    public void peerAcked(byte[] value) {
        peers = u32(value);
    }

    @Override
    public void reset() {
        rejected = false;
        acked = false;
        peers = 0;
    }

    /** Our magic number once the peer acknowledged it, else 0 (RFC 1661 §5.8). */
    public int ours() {
        return acked ? ours : 0;
    }

    public int peers() {
        return peers;
    }

    static int u32(byte[] b) {
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }

    static byte[] u32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }
}
