package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;

/**
 * Protocol-Field-Compression (RFC 1661 §6.5) and Address-and-Control-Field-Compression (§6.6):
 * accepted from the peer (it then may send us compressed frames), never requested.
 */
public final class CompressionOption implements OptionHandler {
    private final int type;
    private boolean peerUses;

    private CompressionOption(int type) {
        this.type = type;
    }

    public static CompressionOption pfc() {
        return new CompressionOption(LcpOptionTypes.PFC);
    }

    public static CompressionOption acfc() {
        return new CompressionOption(LcpOptionTypes.ACFC);
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public byte[] requestValue() {
        return null;
    }

    @Override
    public void naked(byte[] value) {}

    @Override
    public void rejected() {}

    @Override
    public OptionVerdict check(byte[] value) {
        return value.length == 0 ? OptionVerdict.ACK : OptionVerdict.REJECT;
    }

    @Override
    public void peerAcked(byte[] value) {
        peerUses = true;
    }

    @Override
    public void reset() {
        peerUses = false;
    }

    public boolean peerUses() {
        return peerUses;
    }
}
