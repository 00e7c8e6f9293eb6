package io.lns.ppp.ipcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;
import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * IP-Address (RFC 1332 §3.3). Server role: we request our gateway address and the peer must use the
 * address we assign — a request for 0.0.0.0 or any other address is Nak'ed with it, and a request
 * without the option is Nak'ed with it too ({@link #requireFromPeer()}). A Nak of our own address is
 * ignored (it is fixed). Client role: we request 0.0.0.0 and take the address the server Naks; the
 * server's own non-zero address is acknowledged.
 */
public final class IpAddressOption implements OptionHandler {
    private final boolean server;
    private final byte[] configured;
    private final Supplier<Inet4Address> assign;
    private byte[] desired;
    private boolean rejected;
    private byte[] assigned;
    private Inet4Address local;
    private Inet4Address remote;

    private IpAddressOption(boolean server, Inet4Address ours, Supplier<Inet4Address> assign) {
        this.server = server;
        this.configured = ours == null ? Ipv4.ZERO : ours.getAddress();
        this.desired = configured;
        this.assign = assign;
    }

    /** LNS role: {@code gateway} is ours, {@code assign} yields the peer's (asked once per negotiation). */
    public static IpAddressOption server(Inet4Address gateway, Supplier<Inet4Address> assign) {
        return new IpAddressOption(true, gateway, assign);
    }

    /** Client role: ask the server for an address. */
    public static IpAddressOption client() {
        return new IpAddressOption(false, null, null);
    }

    @Override
    public int type() {
        return Ipcp.IP_ADDRESS;
    }

    @Override
    public byte[] requestValue() {
        return rejected ? null : desired.clone();
    }

    @Override
    public void acked(byte[] value) {
        local = Ipv4.of(value);
    }

    @Override
    public void naked(byte[] value) {
        if (!server && value.length == 4 && !Ipv4.isZero(value)) {
            desired = value.clone();
        }
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
        if (server) {
            byte[] a = assigned();
            return Arrays.equals(value, a) ? OptionVerdict.ACK : OptionVerdict.nak(a);
        }
        return Ipv4.isZero(value) ? OptionVerdict.REJECT : OptionVerdict.ACK; // we have nothing to assign
    }

    @Override
    public Optional<byte[]> requireFromPeer() {
        return server ? Optional.of(assigned()) : Optional.empty();
    }

    @Override
    public void peerAcked(byte[] value) {
        remote = Ipv4.of(value);
    }

    @Override
    public void reset() {
        desired = configured;
        rejected = false;
        assigned = null;
        local = null;
        remote = null;
    }

    private byte[] assigned() {
        if (assigned == null) {
            assigned = assign.get().getAddress();
        }
        return assigned.clone();
    }

    /** Our address, once the peer acknowledged it. */
    public Optional<Inet4Address> local() {
        return Optional.ofNullable(local);
    }

    /** The peer's address, once we acknowledged it. */
    public Optional<Inet4Address> remote() {
        return Optional.ofNullable(remote);
    }
}
