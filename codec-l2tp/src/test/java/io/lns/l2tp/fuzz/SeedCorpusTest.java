package io.lns.l2tp.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The hand-made seeds say what they claim: their hidden AVPs reveal with the fuzz secret. */
class SeedCorpusTest {

    private static byte[] seed(String name) throws IOException {
        try (InputStream in = SeedCorpusTest.class.getResourceAsStream("PacketDecoderFuzzTestInputs/decode/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static ControlMessage control(String name) throws IOException {
        return FuzzChecks.decode(seed(name), FuzzChecks.SECRET).control();
    }

    @Test
    void hiddenSeedsRevealWithTheFuzzSecret() throws IOException {
        ControlMessage icrq = control("hand-hidden-icrq");
        assertThat(icrq.find(AssignedSessionId.class)).contains(new AssignedSessionId(0x1234));
        assertThat(icrq.find(CallingNumber.class)).contains(new CallingNumber("atm 1/32:0.35"));

        ControlMessage iccn = control("hand-hidden-iccn-proxy");
        assertThat(iccn.find(ProxyAuthenName.class)).contains(new ProxyAuthenName("user@isp.example"));
        assertThat(iccn.find(ProxyAuthenId.class)).contains(new ProxyAuthenId(7));
        assertThat(iccn.find(ProxyAuthenResponse.class)).isPresent();

        ControlMessage sccrp = control("hand-hidden-sccrp-challenge-response");
        assertThat(sccrp.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(42));
        assertThat(sccrp.find(ChallengeResponse.class)).isPresent();

        for (ControlMessage m : new ControlMessage[] {icrq, iccn, sccrp}) {
            assertThat(m.avps()).filteredOn(Avp::hidden).isNotEmpty().noneMatch(a -> a.value() instanceof InvalidValue);
        }
    }

    @Test
    void hiddenWithoutRandomVectorSeedStaysInvalid() throws IOException {
        ControlMessage cdn = control("hand-hidden-without-random-vector");
        assertThat(cdn.avps().get(1).value())
                .isInstanceOfSatisfying(
                        InvalidValue.class,
                        iv -> assertThat(iv.problem()).isEqualTo(InvalidValue.Problem.HIDDEN_WITHOUT_RANDOM_VECTOR));
    }

    @Test
    void dataSeedsDecode() throws IOException {
        for (String name : new String[] {
            "hand-data-minimal", "hand-data-offset", "hand-data-offset-priority", "hand-data-length-udp-padding"
        }) {
            FuzzChecks.Outcome o = FuzzChecks.decode(seed(name), null);
            assertThat(o.packet()).as(name).isInstanceOf(DataMessage.class);
            assertThat(o.payload()).as(name).startsWith(0xff, 0x03, 0xc0, 0x21);
        }
    }
}
