package io.lns.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.config.SourcePort;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A LAC that reuses its UDP port and tunnel id while our previous tunnel with it is held closing
 * (§5.7) gets a new tunnel; a retransmitted SCCRQ during setup does not.
 */
class SccrqReuseTest {
    private L2tpTransport transport;
    private RawLac lac;

    @AfterEach
    void stop() throws Exception {
        if (lac != null) lac.close();
        if (transport != null) {
            transport.shutdown(200);
            transport.close();
        }
    }

    @Test
    void aRetransmittedSccrqMakesNoSecondTunnelButAReusedKeyAfterCloseDoes() throws Exception {
        Admission admission = new Admission(Admission.Limits.NONE, System.nanoTime());
        ServerSettings settings = new ServerSettings(
                List.of(new InetSocketAddress("127.0.0.6", 0)),
                (peer, host) -> new TunnelPlan(TunnelSettings.defaults("lns-it"), SourcePort.AUTO),
                Admission.Limits.NONE,
                1,
                1 << 20);
        transport = new L2tpTransport(settings, admission, new LnsMetrics(new SimpleMeterRegistry(), admission));
        lac = new RawLac(transport.start().get(0));

        send(0, 0, 0, ControlMessageType.SCCRQ, sccrq());
        send(0, 0, 0, ControlMessageType.SCCRQ, sccrq()); // retransmission
        ControlMessage sccrp = receiveNonZlb();
        int first = sccrp.find(AssignedTunnelId.class).orElseThrow().id();
        assertThat(transport.tunnelCount()).isEqualTo(1);

        send(first, 1, 1, ControlMessageType.SCCCN);
        send(first, 2, 1, ControlMessageType.StopCCN, new AssignedTunnelId(77), ResultCode.of(1));
        Thread.sleep(300);
        assertThat(transport.tunnelCount()).as("held closing").isEqualTo(1);

        send(0, 0, 0, ControlMessageType.SCCRQ, sccrq());
        ControlMessage second = receiveNonZlb();
        assertThat(second.type()).contains(ControlMessageType.SCCRP);
        assertThat(second.find(AssignedTunnelId.class).orElseThrow().id()).isNotEqualTo(first);
    }

    private static AvpValue[] sccrq() {
        return new AvpValue[] {
            ProtocolVersion.RFC2661, new HostName("reuser"), new FramingCapabilities(1), new AssignedTunnelId(77)
        };
    }

    private void send(int tunnelId, int ns, int nr, ControlMessageType type, AvpValue... values) throws Exception {
        lac.send(tunnelId, 0, ns, nr, type, values);
    }

    private ControlMessage receiveNonZlb() throws Exception {
        return lac.receiveNonZlb();
    }
}
