package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;

/**
 * Multilink MRRU and Endpoint Discriminator (RFC 1990 §5.1.1, §5.1.3). lns does no multilink: the
 * peer's are always rejected. A value to request can be given to act like servers that ask for
 * them (l2tpns does); it stops being sent once rejected.
 */
public final class MultilinkOption implements OptionHandler {
    private final int type;
    private final byte[] request;
    private boolean rejected;

    private MultilinkOption(int type, byte[] request) {
        this.type = type;
        this.request = request;
    }

    public static MultilinkOption mrru(Integer request) {
        return new MultilinkOption(LcpOptionTypes.MRRU, request == null ? null : MruOption.u16(request));
    }

    public static MultilinkOption endpointDiscriminator(byte[] request) {
        return new MultilinkOption(LcpOptionTypes.ENDPOINT_DISCRIMINATOR, request == null ? null : request.clone());
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public byte[] requestValue() {
        return rejected || request == null ? null : request.clone();
    }

    @Override
    public void naked(byte[] value) {}

    @Override
    public void rejected() {
        rejected = true;
    }

    @Override
    public OptionVerdict check(byte[] value) {
        return OptionVerdict.REJECT;
    }

    @Override
    public void reset() {
        rejected = false;
    }
}
