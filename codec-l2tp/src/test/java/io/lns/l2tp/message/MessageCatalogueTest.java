package io.lns.l2tp.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.MessageCatalogue.Violation;
import io.lns.l2tp.message.MessageCatalogue.Violation.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageCatalogueTest {
    private static final L2tpHeader H = L2tpHeader.control(0, 0, 0, 0);
    private static final AvpDictionary DICT = AvpDictionary.standard();

    @Test
    void aCompleteSccrqPasses() {
        ControlMessage m = ControlMessage.of(
                H,
                ControlMessageType.SCCRQ,
                List.of(
                        Avp.of(ProtocolVersion.RFC2661),
                        Avp.of(new HostName("lac1")),
                        Avp.of(new FramingCapabilities(FramingCapabilities.SYNC)),
                        Avp.of(new AssignedTunnelId(9)),
                        Avp.of(new Challenge(Octets.of(1, 2, 3)))));
        assertThat(MessageCatalogue.check(m, DICT)).isEmpty();
    }

    @Test
    void namesWhatIsMissing() {
        ControlMessage m = ControlMessage.of(
                H, ControlMessageType.SCCRQ, List.of(Avp.of(ProtocolVersion.RFC2661), Avp.of(new AssignedTunnelId(9))));
        assertThat(MessageCatalogue.check(m, DICT))
                .extracting(Violation::toString)
                .containsExactly("MISSING: SCCRQ requires Framing Capabilities", "MISSING: SCCRQ requires Host Name");
    }

    @Test
    void namesWhatIsMisplacedOrRepeated() {
        ControlMessage m = ControlMessage.of(
                H,
                ControlMessageType.ICRQ,
                List.of(
                        Avp.of(new AssignedSessionId(1)),
                        Avp.of(new CallSerialNumber(5)),
                        Avp.of(new ProxyAuthenName("bob")),
                        Avp.of(new CallSerialNumber(6)),
                        Avp.of(new RandomVector(Octets.of(1))),
                        Avp.of(new RandomVector(Octets.of(2))),
                        Avp.raw(true, 9, 1, Octets.EMPTY)));
        assertThat(MessageCatalogue.check(m, DICT))
                .extracting(Violation::kind)
                .containsExactly(Kind.NOT_ALLOWED, Kind.DUPLICATE);
    }

    @Test
    void messageTypeMustComeFirst() {
        ControlMessage m = new ControlMessage(
                H, List.of(Avp.of(new AssignedTunnelId(3)), Avp.of(MessageType.of(ControlMessageType.StopCCN))));
        assertThat(MessageCatalogue.check(m, DICT)).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Kind.MESSAGE_TYPE_NOT_FIRST);
            assertThat(v.detail()).contains("Assigned Tunnel ID");
        });
    }

    @Test
    void everyCatalogueMessageAcceptsItsRequiredAvps() {
        ControlMessage iccn = ControlMessage.of(
                H,
                ControlMessageType.ICCN,
                List.of(Avp.of(new TxConnectSpeed(1_000_000)), Avp.of(new FramingType(FramingType.SYNC))));
        ControlMessage stop = ControlMessage.of(
                H, ControlMessageType.StopCCN, List.of(Avp.of(new AssignedTunnelId(1)), Avp.of(ResultCode.of(1))));
        assertThat(MessageCatalogue.check(iccn, DICT)).isEmpty();
        assertThat(MessageCatalogue.check(stop, DICT)).isEmpty();
        assertThat(MessageCatalogue.check(ControlMessage.zlb(1, 0, 0), DICT)).isEmpty();
        for (ControlMessageType t : ControlMessageType.values()) {
            assertThat(MessageCatalogue.rule(t)).as(t.name()).isNotNull();
        }
    }

    @Test
    void anUnknownMessageTypeIsNamed() {
        ControlMessage m = new ControlMessage(H, List.of(Avp.of(new MessageType(99))));
        assertThat(MessageCatalogue.check(m, DICT))
                .extracting(Violation::kind)
                .containsExactly(Kind.UNKNOWN_MESSAGE_TYPE);
    }
}
