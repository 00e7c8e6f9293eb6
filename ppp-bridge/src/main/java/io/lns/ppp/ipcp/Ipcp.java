package io.lns.ppp.ipcp;

import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.FsmSink;
import io.lns.ppp.fsm.NetworkControlProtocol;
import io.lns.ppp.fsm.OptionFsm;
import java.net.Inet4Address;
import java.util.Optional;

/**
 * The IP Control Protocol (RFC 1332, DNS options of RFC 1877) on the shared {@link OptionFsm},
 * protocol 0x8021, in server (LNS) or client role — see {@link IpcpConfig}. Options handled:
 * IP-Address, Primary- and Secondary-DNS-Address; everything else, notably IP-Compression-Protocol
 * (Van Jacobson), the deprecated IP-Addresses and the NBNS options, is rejected. Only codes 1–7 exist;
 * any other code is Code-Rejected. Sans-IO like {@code Lcp}: output, layer actions and the restart
 * timer go to the {@link FsmSink}; call {@link #tick} when the timer is due.
 */
public final class Ipcp extends NetworkControlProtocol {
    public static final int IP_COMPRESSION_PROTOCOL = 2;
    public static final int IP_ADDRESS = 3;
    public static final int PRIMARY_DNS = 129;
    public static final int SECONDARY_DNS = 131;

    private final IpAddressOption address;
    private final DnsOption primaryDns;
    private final DnsOption secondaryDns;

    public Ipcp(IpcpConfig config, FsmSink sink) {
        super(new OptionFsm("IPCP", PppFrame.IPCP, config.fsm(), sink));
        boolean server = config.role() == IpcpConfig.Role.SERVER;
        this.address =
                server ? IpAddressOption.server(config.localAddress(), config.peerAddress()) : IpAddressOption.client();
        this.primaryDns = server
                ? DnsOption.server(PRIMARY_DNS, config.primaryDns())
                : config.requestDns() ? DnsOption.client(PRIMARY_DNS) : DnsOption.server(PRIMARY_DNS, null);
        this.secondaryDns = server
                ? DnsOption.server(SECONDARY_DNS, config.secondaryDns())
                : config.requestDns() ? DnsOption.client(SECONDARY_DNS) : DnsOption.server(SECONDARY_DNS, null);
        fsm.register(address).register(primaryDns).register(secondaryDns);
    }

    /** Our address as acknowledged by the peer (server role: the gateway). */
    public Optional<Inet4Address> localAddress() {
        return address.local();
    }

    /** The peer's address as we acknowledged it (server role: the assigned address). */
    public Optional<Inet4Address> peerAddress() {
        return address.remote();
    }

    public Optional<Inet4Address> primaryDns() {
        return primaryDns.agreed();
    }

    public Optional<Inet4Address> secondaryDns() {
        return secondaryDns.agreed();
    }
}
