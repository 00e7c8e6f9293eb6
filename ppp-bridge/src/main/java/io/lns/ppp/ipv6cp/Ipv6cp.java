package io.lns.ppp.ipv6cp;

import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.FsmConfig;
import io.lns.ppp.fsm.FsmSink;
import io.lns.ppp.fsm.NetworkControlProtocol;
import io.lns.ppp.fsm.OptionFsm;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * The IPv6 Control Protocol (RFC 5072) on the shared {@link OptionFsm}, protocol 0x8057. Only the
 * Interface-Identifier option is negotiated ({@link InterfaceIdOption}, same in both roles);
 * IPv6-Compression-Protocol and anything else is rejected. Codes beyond 7 are Code-Rejected.
 */
public final class Ipv6cp extends NetworkControlProtocol {
    public static final int INTERFACE_IDENTIFIER = 1;
    public static final int IPV6_COMPRESSION_PROTOCOL = 2;

    private final InterfaceIdOption interfaceId;

    /** @param random source of interface identifiers (zero values are skipped) */
    public Ipv6cp(FsmConfig config, FsmSink sink, LongSupplier random) {
        super(new OptionFsm("IPV6CP", PppFrame.IPV6CP, config, sink));
        this.interfaceId = new InterfaceIdOption(random);
        fsm.register(interfaceId);
    }

    /** Our interface identifier as acknowledged by the peer. */
    public OptionalLong localInterfaceId() {
        return interfaceId.ours();
    }

    /** The peer's interface identifier as we acknowledged it. */
    public OptionalLong peerInterfaceId() {
        return interfaceId.peers();
    }
}
