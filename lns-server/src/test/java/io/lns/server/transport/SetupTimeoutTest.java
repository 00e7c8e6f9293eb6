package io.lns.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.config.SourcePort;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.l2tp.message.ResultCodes;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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
    private DatagramSocket lac;
    private InetSocketAddress lns;
    private int ns;
    private int nr;

    @BeforeEach
    void start() throws Exception {
        TunnelSettings d = TunnelSettings.defaults("lns-it");
        TunnelSettings quick = new TunnelSettings(
                d.hostName(),
                d.secret(),
                d.authMode(),
                d.peerProfileMatched(),
                d.hideAvps(),
                d.helloInterval(),
                d.channel(),
                d.maxSessions(),
                d.sequencing(),
                d.traceMask(),
                d.hideAvpsInSccrp(),
                SETUP_TIMEOUT);
        admission = new Admission(Admission.Limits.NONE, System.nanoTime());
        ServerSettings settings = new ServerSettings(
                List.of(new InetSocketAddress("127.0.0.7", 0)),
                (peer, host) -> new TunnelPlan(quick, SourcePort.AUTO),
                Admission.Limits.NONE,
                1,
                1 << 20);
        transport = new L2tpTransport(settings, admission, new LnsMetrics(new SimpleMeterRegistry(), admission));
        lns = transport.start().get(0);
        lac = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        lac.setSoTimeout(5000);
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
        List<Avp> avps = new ArrayList<>();
        avps.add(Avp.of(MessageType.of(type)));
        for (AvpValue v : values) avps.add(Avp.of(v));
        write(new ControlMessage(L2tpHeader.control(tunnelId, sessionId, ns++, nr), avps));
    }

    private void ack(int tunnelId) throws Exception {
        write(ControlMessage.zlb(tunnelId, ns, nr));
    }

    private void write(ControlMessage m) throws Exception {
        ByteBuf out = Unpooled.buffer();
        L2tpPacketEncoder.standard().encode(m, out);
        byte[] bytes = ByteBufUtil.getBytes(out);
        lac.send(new DatagramPacket(bytes, bytes.length, lns));
    }

    /** The next message that is not a ZLB; its Ns moves our Nr on. */
    private ControlMessage receiveNonZlb() throws Exception {
        for (int i = 0; i < 10; i++) {
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            lac.receive(p);
            ControlMessage m = (ControlMessage)
                    L2tpPacketDecoder.standard().decode(Unpooled.wrappedBuffer(p.getData(), 0, p.getLength()));
            if (m.isZlb()) continue;
            if (m.header().ns() == nr) nr = (nr + 1) & 0xFFFF;
            return m;
        }
        throw new AssertionError("no message from the LNS");
    }
}
