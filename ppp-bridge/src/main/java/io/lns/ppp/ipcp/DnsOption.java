package io.lns.ppp.ipcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Optional;

/**
 * Primary/Secondary-DNS-Address (RFC 1877 §1.1, §1.3). Server role: a peer's request is Nak'ed with
 * the configured server unless it already names it, and rejected when none is configured; we never
 * request it. Client role: we request 0.0.0.0 and take the Nak'ed address; a peer asking us is
 * rejected.
 */
public final class DnsOption implements OptionHandler {
    private final int type;
    private final byte[] configured;
    private final boolean request;
    private byte[] desired = Ipv4.ZERO;
    private boolean rejected;
    private Inet4Address agreed;

    private DnsOption(int type, Inet4Address configured, boolean request) {
        this.type = type;
        this.configured = configured == null ? null : configured.getAddress();
        this.request = request;
    }

    /** Server role; {@code dns} may be {@code null} (then the option is rejected). */
    public static DnsOption server(int type, Inet4Address dns) {
        return new DnsOption(type, dns, false);
    }

    /** Client role: ask for a DNS server. */
    public static DnsOption client(int type) {
        return new DnsOption(type, null, true);
    }

    @Override
    public int type() {
        return type;
    }

    @Override
    public byte[] requestValue() {
        return request && !rejected ? desired.clone() : null;
    }

    @Override
    public void acked(byte[] value) {
        agreed = Ipv4.of(value);
    }

    @Override
    public void naked(byte[] value) {
        if (request && value.length == 4) {
            desired = value.clone();
        }
    }

    @Override
    public void rejected() {
        rejected = true;
    }

    @Override
    public OptionVerdict check(byte[] value) {
        if (value.length != 4 || configured == null) {
            return OptionVerdict.REJECT;
        }
        return Arrays.equals(value, configured) ? OptionVerdict.ACK : OptionVerdict.nak(configured);
    }

    @Override
    public void peerAcked(byte[] value) {
        agreed = Ipv4.of(value);
    }

    @Override
    public void reset() {
        desired = Ipv4.ZERO;
        rejected = false;
        agreed = null;
    }

    /** The DNS server agreed on: handed to the peer (server role) or learned (client role). */
    public Optional<Inet4Address> agreed() {
        return Optional.ofNullable(agreed);
    }
}
