package io.lns.ppp.ipv6cp;

import static io.lns.ppp.frame.ControlPacket.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.fsm.FsmConfig;
import io.lns.ppp.fsm.RecordingSink;
import io.lns.ppp.fsm.State;
import io.lns.ppp.ipcp.ControlPair;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class Ipv6cpTest {
    private final RecordingSink aOut = new RecordingSink();
    private final RecordingSink bOut = new RecordingSink();

    private static Ipv6cp started(RecordingSink out, long... ids) {
        PrimitiveIterator.OfLong it = LongStream.concat(LongStream.of(ids), LongStream.iterate(0x1000, i -> i + 1))
                .iterator();
        Ipv6cp p = new Ipv6cp(FsmConfig.DEFAULT, out, it::nextLong);
        p.open(0);
        p.up(0);
        return p;
    }

    private static ConfigOption id(long v) {
        return new ConfigOption(Ipv6cp.INTERFACE_IDENTIFIER, InterfaceIdOption.u64(v));
    }

    private static byte[] options(ConfigOption... o) {
        return ConfigOption.encodeAll(List.of(o));
    }

    @Test
    void pairReachesOpenedWithEachOthersIdentifiers() {
        Ipv6cp a = started(aOut, 0, 0x0211_22ff_fe33_4455L);
        assertThat(aOut.last().data()).isEqualTo(options(id(0x0211_22ff_fe33_4455L)));
        Ipv6cp b = started(bOut, 0x0a0b_0c0d_0e0f_1011L);
        ControlPair.run(aOut, a::receive, bOut, b::receive);
        assertThat(a.state()).isEqualTo(State.OPENED);
        assertThat(b.state()).isEqualTo(State.OPENED);
        assertThat(a.localInterfaceId()).hasValue(0x0211_22ff_fe33_4455L);
        assertThat(a.peerInterfaceId()).hasValue(0x0a0b_0c0d_0e0f_1011L);
        assertThat(b.localInterfaceId()).hasValue(0x0a0b_0c0d_0e0f_1011L);
        assertThat(b.peerInterfaceId()).hasValue(0x0211_22ff_fe33_4455L);
    }

    @Test
    void collidingIdentifiersAreResolvedThroughNaks() {
        Ipv6cp a = started(aOut, 77, 78);
        Ipv6cp b = started(bOut, 77, 79);
        ControlPair.run(aOut, a::receive, bOut, b::receive);
        assertThat(a.state()).isEqualTo(State.OPENED);
        assertThat(b.state()).isEqualTo(State.OPENED);
        assertThat(a.localInterfaceId().getAsLong())
                .isNotEqualTo(b.localInterfaceId().getAsLong());
        assertThat(a.localInterfaceId()).isEqualTo(b.peerInterfaceId());
        assertThat(b.localInterfaceId()).isEqualTo(a.peerInterfaceId());
        assertThat(a.localInterfaceId().getAsLong()).isNotZero();
        assertThat(b.localInterfaceId().getAsLong()).isNotZero();
    }

    @Test
    void zeroOrEqualPeerIdentifierIsNakedWithAFreshNonZeroOne() {
        Ipv6cp a = started(aOut, 5, 5, 0, 6, 7);
        aOut.take();
        a.receive(new ControlPacket(CONFIGURE_REQUEST, 1, options(id(5))), 0);
        assertThat(aOut.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 1, options(id(6))));
        a.receive(new ControlPacket(CONFIGURE_REQUEST, 2, options(id(0))), 0);
        assertThat(aOut.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 2, options(id(7))));
    }

    @Test
    void naksOfOurIdentifierAreAcceptedAndCompressionRejected() {
        Ipv6cp a = started(aOut, 5);
        ControlPacket request = aOut.last();
        a.receive(new ControlPacket(CONFIGURE_NAK, request.identifier(), options(id(0x42))), 0);
        assertThat(aOut.last().data()).isEqualTo(options(id(0x42)));

        ConfigOption compression = new ConfigOption(Ipv6cp.IPV6_COMPRESSION_PROTOCOL, new byte[] {0x00, 0x4f});
        a.receive(new ControlPacket(CONFIGURE_REQUEST, 3, options(id(9), compression)), 0);
        assertThat(aOut.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 3, options(compression)));
    }
}
