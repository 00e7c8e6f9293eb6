package io.lns.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.config.SourcePort;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.ResultCodes;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A LAC over a real socket that acknowledges everything but never finishes a setup: its tunnel
 * (no SCCCN) or its call (no ICCN) is cleared after the setup timeout, and the admission slot
 * comes back.
 */
class SetupTimeoutTest {
    private static final long SETUP_TIMEOUT = 1_000_000_000L;
    private static final int LAC_TUNNEL = 88;

    private Admission admission;
    private L2tpTransport transport;
    private RawLac lac;
    private int ns;
    private int nr;

    @BeforeEach
    void start() throws Exception {
        TunnelSettings quick = TunnelSettings.defaults("lns-it").withSetupTimeout(SETUP_TIMEOUT);
        admission = new Admission(Admission.Limits.NONE, System.nanoTime());
        ServerSettings settings = new ServerSettings(
                List.of(new InetSocketAddress("127.0.0.7", 0)),
                (peer, host) -> new TunnelPlan(quick, SourcePort.AUTO),
                Admission.Limits.NONE,
                1,
                1 << 20);
        transport = new L2tpTransport(settings, admission, new LnsMetrics(new SimpleMeterRegistry(), admission));
        lac = new RawLac(transport.start().get(0));
    }

    @AfterEach
    void stop() throws Exception {
        if (lac != null) lac.close();
        if (transport != null) {
            transport.shutdown(200);
            transport.close();
        }
    }

    @Test
    void aCallWithoutIccnGetsCdnTimeoutAndGivesItsSlotBack() throws Exception {
        int tunnel = establish();
        send(tunnel, 0, ControlMessageType.ICRQ, new AssignedSessionId(5), new CallSerialNumber(1));
        ControlMessage icrp = receiveNonZlb();
        assertThat(icrp.type()).contains(ControlMessageType.ICRP);
        ack(tunnel);
        assertThat(admission.sessions()).isEqualTo(1);

        ControlMessage cdn = receiveNonZlb();
        ack(tunnel);
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.header().sessionId()).isEqualTo(5);
        assertThat(cdn.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.CDN_TIMEOUT);
        assertThat(admission.sessions()).isZero();
        assertThat(transport.tunnelCount()).as("the tunnel stays").isEqualTo(1);
    }

    @Test
    void aTunnelWithoutScccnIsStopped() throws Exception {
        send(0, 0, ControlMessageType.SCCRQ, sccrq());
        int tunnel = receiveNonZlb().find(AssignedTunnelId.class).orElseThrow().id();
        ack(tunnel);
        ControlMessage stop = receiveNonZlb();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(stop.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.STOPCCN_GENERAL_CLEAR);
        ack(tunnel);
        for (int i = 0; i < 100 && transport.tunnelCount() > 0; i++) Thread.sleep(20);
        assertThat(transport.tunnelCount()).isZero();
        assertThat(admission.tunnels()).isZero();
    }

    private int establish() throws Exception {
        send(0, 0, ControlMessageType.SCCRQ, sccrq());
        int tunnel = receiveNonZlb().find(AssignedTunnelId.class).orElseThrow().id();
        send(tunnel, 0, ControlMessageType.SCCCN);
        return tunnel;
    }

    private static AvpValue[] sccrq() {
        return new AvpValue[] {
            ProtocolVersion.RFC2661,
            new HostName("never-connects"),
            new FramingCapabilities(1),
            new AssignedTunnelId(LAC_TUNNEL)
        };
    }

    private void send(int tunnelId, int sessionId, ControlMessageType type, AvpValue... values) throws Exception {
        lac.send(tunnelId, sessionId, ns++, nr, type, values);
    }

    private void ack(int tunnelId) throws Exception {
        lac.write(ControlMessage.zlb(tunnelId, ns, nr));
    }

    /**
     * The next new message that is not a ZLB; its Ns moves our Nr on. Retransmissions are skipped:
     * on a slow machine our ack may come after the LNS's retransmission timeout (1 s, as long as
     * the setup timeout here).
     */
    private ControlMessage receiveNonZlb() throws Exception {
        for (int i = 0; i < 10; i++) {
            ControlMessage m = lac.receiveNonZlb();
            if (m.header().ns() != nr) continue;
            nr = (nr + 1) & 0xFFFF;
            return m;
        }
        throw new AssertionError("only retransmissions from the LNS");
    }
}
