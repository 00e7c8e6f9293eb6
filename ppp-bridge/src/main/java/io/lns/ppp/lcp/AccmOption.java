package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;

/**
 * Async-Control-Character-Map (RFC 1662 §7.1). Meaningless on L2TP's synchronous framing
 * (RFC 2661 §5.1), so any well-formed value is accepted and never requested.
 */
public final class AccmOption implements OptionHandler {
    @Override
    public int type() {
        return LcpOptionTypes.ACCM;
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
        return value.length == 4 ? OptionVerdict.ACK : OptionVerdict.REJECT;
    }
}
