package io.lns.l2tp.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.config.AuthMode;
import io.lns.config.TraceCategory;
import io.lns.config.TraceMask;
import io.lns.l2tp.auth.ChallengeResponse;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.PhysicalChannelId;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.CallStatusAvps.Accm;
import io.lns.l2tp.avp.ControlConnectionAvps;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.l2tp.message.ResultCodes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LnsTunnelTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;
    private static final int LAC_TUNNEL = 4242;
    private static final TunnelSecret SECRET = TunnelSecret.of("tunnel-secret");

    /** The LAC end of the test: numbers its messages and reads what the tunnel sends. */
    final class Lac implements TunnelEvents {
        final List<ControlMessage> inbox = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        Optional<Refusal> admission = Optional.empty();
        final List<String> traces = new ArrayList<>();

        @Override
        public void trace(LnsTunnel t, int category, String line) {
            traces.add(TraceCategory.values()[Integer.numberOfTrailingZeros(category)].name() + " " + line);
        }

        int ns;
        int nr;
        long now;

        void send(ControlMessageType type, int sessionId, AvpValue... values) {
            List<Avp> avps = new ArrayList<>();
            avps.add(Avp.of(MessageType.of(type)));
            for (AvpValue v : values) avps.add(Avp.of(v));
            sendAvps(sessionId, avps);
        }

        void sendAvps(int sessionId, List<Avp> avps) {
            int tid = tunnel.state() == LnsTunnel.State.IDLE ? 0 : tunnel.localId();
            tunnel.onMessage(new ControlMessage(L2tpHeader.control(tid, sessionId, ns++, nr), avps), now);
        }

        /** The next non-ZLB message the tunnel sent. */
        ControlMessage next() {
            while (!inbox.isEmpty()) {
                ControlMessage m = inbox.remove(0);
                if (!m.isZlb()) {
                    nr = (m.header().ns() + 1) & 0xFFFF;
                    return m;
                }
            }
            throw new AssertionError("the tunnel sent nothing more; events " + events);
        }

        void advance(long by) {
            long until = now + by;
            for (int i = 0; i < 10_000 && tunnel.nextWakeup() <= until; i++) {
                now = Math.max(now, tunnel.nextWakeup());
                tunnel.onTick(now);
                assertThat(tunnel.nextWakeup())
                        .as("a tick leaves nothing due (no busy loop)")
                        .isGreaterThan(now);
            }
            now = until;
            tunnel.onTick(now);
        }

        @Override
        public void transmit(LnsTunnel t, ControlMessage m) {
            inbox.add(m);
        }

        @Override
        public void tunnelEstablished(LnsTunnel t) {
            events.add("up");
        }

        @Override
        public void tunnelClosed(LnsTunnel t, String reason) {
            events.add("closed: " + reason);
        }

        @Override
        public Optional<Refusal> admitSession(LnsTunnel t) {
            return admission;
        }

        @Override
        public void sessionEstablished(LnsTunnel t, LnsSession s) {
            events.add("session up " + s.localId());
        }

        @Override
        public void sessionClosed(LnsTunnel t, LnsSession s, String reason) {
            events.add("session closed: " + reason);
        }
    }

    private final Lac lac = new Lac();
    private LnsTunnel tunnel;

    private void newTunnel(TunnelSettings settings) {
        tunnel = new LnsTunnel(7, settings, lac, new Random(1), 0);
    }

    private static AvpValue[] sccrq(AvpValue... extra) {
        List<AvpValue> v = new ArrayList<>(List.of(
                ProtocolVersion.RFC2661,
                new HostName("bras1"),
                new FramingCapabilities(FramingCapabilities.SYNC),
                new AssignedTunnelId(LAC_TUNNEL),
                new ReceiveWindowSize(8)));
        v.addAll(List.of(extra));
        return v.toArray(AvpValue[]::new);
    }

    private ControlMessage establish() {
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ControlMessage sccrp = lac.next();
        lac.send(ControlMessageType.SCCCN, 0);
        return sccrp;
    }

    private int openSession(int lacSession) {
        lac.send(
                ControlMessageType.ICRQ,
                0,
                new AssignedSessionId(lacSession),
                new CallSerialNumber(99),
                new CallingNumber("0000.1111.2222"));
        ControlMessage icrp = lac.next();
        int lnsSession = icrp.find(AssignedSessionId.class).orElseThrow().id();
        lac.send(
                ControlMessageType.ICCN,
                lnsSession,
                new TxConnectSpeed(100_000_000),
                new FramingType(FramingType.SYNC),
                new ProxyAuthenName("user@isp"));
        return lnsSession;
    }

    @Test
    void bringsUpATunnelAndASessionAndTearsThemDown() {
        newTunnel(TunnelSettings.defaults("lns1"));
        ControlMessage sccrp = establish();

        assertThat(sccrp.type()).contains(ControlMessageType.SCCRP);
        assertThat(sccrp.header().tunnelId()).isEqualTo(LAC_TUNNEL);
        assertThat(sccrp.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(7));
        assertThat(sccrp.find(HostName.class)).contains(new HostName("lns1"));
        assertThat(sccrp.find(Challenge.class)).isEmpty();
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.ESTABLISHED);
        assertThat(lac.events).containsExactly("up");

        int sid = openSession(31);
        LnsSession s = tunnel.session(sid);
        assertThat(s.state()).isEqualTo(LnsSession.State.ESTABLISHED);
        assertThat(s.peerId()).isEqualTo(31);
        assertThat(s.callingNumber()).isEqualTo("0000.1111.2222");
        assertThat(s.txConnectSpeed()).isEqualTo(100_000_000);
        assertThat(s.proxyAvps()).extracting(Avp::value).containsExactly(new ProxyAuthenName("user@isp"));

        lac.send(ControlMessageType.SLI, sid, new Accm(0, 0, 0xFFFF_FFFFL));
        assertThat(s.accm().receiveAccm()).isEqualTo(0xFFFF_FFFFL);

        lac.send(ControlMessageType.CDN, sid, ResultCode.of(1), new AssignedSessionId(31));
        assertThat(tunnel.sessions()).isEmpty();
        lac.send(ControlMessageType.StopCCN, 0, new AssignedTunnelId(LAC_TUNNEL), ResultCode.of(1));
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSING);
        lac.advance(60 * S);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSED);
        assertThat(lac.events)
                .containsExactly(
                        "up",
                        "session up " + sid,
                        "session closed: disconnected by LAC: CDN ResultCode[result=1, error=-1, message=]",
                        "closed: closed by peer: StopCCN ResultCode[result=1, error=-1, message=]");
    }

    @Test
    void challengesThePeerAndRefusesAWrongResponse() {
        newTunnel(TunnelSettings.defaults("lns1").withSecret(SECRET, AuthMode.NONE, false));
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ControlMessage sccrp = lac.next();
        byte[] challenge = sccrp.find(Challenge.class).orElseThrow().value().toByteArray();

        lac.send(ControlMessageType.SCCCN, 0, new ControlConnectionAvps.ChallengeResponse(Octets.of(new byte[16])));

        ControlMessage stop = lac.next();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(stop.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.STOPCCN_NOT_AUTHORIZED);
        assertThat(tunnel.stats().authFailures()).isEqualTo(1);
        assertThat(challenge).hasSize(16);
    }

    @Test
    void acceptsTheRightResponseAndAnswersThePeersChallenge() {
        newTunnel(TunnelSettings.defaults("lns1").withSecret(SECRET, AuthMode.NONE, false));
        byte[] lacChallenge = {9, 8, 7, 6, 5, 4, 3, 2};
        lac.send(ControlMessageType.SCCRQ, 0, sccrq(new Challenge(Octets.of(lacChallenge))));
        ControlMessage sccrp = lac.next();
        assertThat(sccrp.find(ControlConnectionAvps.ChallengeResponse.class)
                        .orElseThrow()
                        .value()
                        .toByteArray())
                .isEqualTo(ChallengeResponse.forSccrp(SECRET.bytes(), lacChallenge));
        byte[] ours = sccrp.find(Challenge.class).orElseThrow().value().toByteArray();

        lac.send(
                ControlMessageType.SCCCN,
                0,
                new ControlConnectionAvps.ChallengeResponse(
                        Octets.of(ChallengeResponse.forScccn(SECRET.bytes(), ours))));

        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.ESTABLISHED);
    }

    @Test
    void simpleModeRefusesPeersWithoutAProfile() {
        newTunnel(TunnelSettings.defaults("lns1").withSecret(null, AuthMode.SIMPLE, false));
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ControlMessage stop = lac.next();
        assertThat(stop.header().tunnelId()).isEqualTo(LAC_TUNNEL);
        assertThat(stop.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.STOPCCN_NOT_AUTHORIZED);
    }

    @Test
    void hidesAvpsSoThatTheSecretRevealsThem() throws Exception {
        newTunnel(TunnelSettings.defaults("lns1").withSecret(SECRET, AuthMode.NONE, true));
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ControlMessage sccrp = lac.next();
        Avp assigned =
                sccrp.avps().stream().filter(a -> a.type() == 9).findFirst().orElseThrow();
        assertThat(assigned.hidden()).isTrue();

        ByteBuf wire = Unpooled.buffer();
        L2tpPacketEncoder.standard().encode(sccrp, wire, tunnel.hidingKey());
        ControlMessage seen = (ControlMessage) L2tpPacketDecoder.standard().decode(wire, SECRET);
        assertThat(seen.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(7));
    }

    @Test
    void withoutHidingInTheSccrpOnlyLaterMessagesHide() {
        newTunnel(TunnelSettings.defaults("lns1")
                .withSecret(SECRET, AuthMode.NONE, true)
                .withHideAvpsInSccrp(false));
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ControlMessage sccrp = lac.next();
        assertThat(sccrp.avps()).noneMatch(Avp::hidden);
        // xl2tpd loads its secret for later messages only because the SCCRP challenges it.
        byte[] ours = sccrp.find(Challenge.class).orElseThrow().value().toByteArray();
        lac.send(
                ControlMessageType.SCCCN,
                0,
                new ControlConnectionAvps.ChallengeResponse(
                        Octets.of(ChallengeResponse.forScccn(SECRET.bytes(), ours))));
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(5), new CallSerialNumber(1));
        ControlMessage icrp = lac.next();
        Avp assigned =
                icrp.avps().stream().filter(a -> a.type() == 14).findFirst().orElseThrow();
        assertThat(assigned.hidden()).isTrue();
    }

    @Test
    void aMissingRequiredAvpInSccrqIsAStopccnToThePeer() {
        newTunnel(TunnelSettings.defaults("lns1"));
        lac.send(
                ControlMessageType.SCCRQ,
                0,
                ProtocolVersion.RFC2661,
                new FramingCapabilities(1),
                new AssignedTunnelId(LAC_TUNNEL));
        ControlMessage stop = lac.next();
        assertThat(stop.header().tunnelId()).isEqualTo(LAC_TUNNEL);
        ResultCode rc = stop.find(ResultCode.class).orElseThrow();
        assertThat(rc.result()).isEqualTo(2);
        assertThat(rc.message()).contains("Host Name");
    }

    @Test
    void anUnknownMandatoryAvpEndsTheSessionOrTheTunnelAsScoped() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(5), new CallSerialNumber(1));
        int sid = lac.next().find(AssignedSessionId.class).orElseThrow().id();
        lac.sendAvps(
                sid,
                List.of(
                        Avp.of(MessageType.of(ControlMessageType.ICCN)),
                        Avp.of(new TxConnectSpeed(1)),
                        Avp.of(new FramingType(1)),
                        Avp.raw(true, 0, 200, Octets.of(1))));
        ControlMessage cdn = lac.next();
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.header().sessionId()).isEqualTo(5);
        assertThat(cdn.find(ResultCode.class).orElseThrow().error()).isEqualTo(ResultCodes.ERROR_UNKNOWN_MANDATORY_AVP);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.ESTABLISHED);

        lac.sendAvps(0, List.of(Avp.of(MessageType.of(ControlMessageType.HELLO)), Avp.raw(true, 9, 1, Octets.EMPTY)));
        ControlMessage stop = lac.next();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(stop.find(ResultCode.class).orElseThrow().error())
                .isEqualTo(ResultCodes.ERROR_UNKNOWN_MANDATORY_AVP);

        lac.sendAvps(0, List.of(Avp.of(MessageType.of(ControlMessageType.HELLO)), Avp.raw(false, 9, 1, Octets.EMPTY)));
        assertThat(tunnel.stats().illegal()).isEqualTo(2);
    }

    @Test
    void anUnknownAvpWithoutMandatoryBitIsIgnored() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.sendAvps(
                0,
                List.of(
                        Avp.of(MessageType.of(ControlMessageType.ICRQ)),
                        Avp.of(new AssignedSessionId(5)),
                        Avp.of(new CallSerialNumber(1)),
                        Avp.raw(false, 9, 1, Octets.of(1, 2)),
                        Avp.of(new PhysicalChannelId(3))));
        assertThat(lac.next().type()).contains(ControlMessageType.ICRP);
        assertThat(tunnel.stats().vendorAvps()).isEqualTo(1);
    }

    @Test
    void refusesACallAdmissionControlRejects() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.admission = Optional.of(new Refusal(2, ResultCodes.ERROR_NO_RESOURCES, "too many sessions in setup"));
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(5), new CallSerialNumber(1));
        ControlMessage cdn = lac.next();
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.header().sessionId()).isEqualTo(5);
        assertThat(cdn.find(ResultCode.class)).contains(ResultCode.of(2, 4, "too many sessions in setup"));
        assertThat(tunnel.sessions()).isEmpty();
        assertThat(tunnel.stats().sessionSetupFailures()).isEqualTo(1);
    }

    @Test
    void sendsHelloAfterSilenceAndGivesUpOnADeadPeer() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.advance(59 * S);
        assertThat(lac.inbox.stream().anyMatch(m -> m.type().isPresent())).isFalse();
        lac.advance(2 * S);
        assertThat(lac.next().type()).contains(ControlMessageType.HELLO);
        lac.advance(60 * S);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSED);
        assertThat(lac.events.get(lac.events.size() - 1)).startsWith("closed: peer not responding");
    }

    private static TunnelSettings setupTimeout(long nanos) {
        return TunnelSettings.defaults("lns1").withSetupTimeout(nanos);
    }

    /** The LAC acknowledges everything the tunnel sent (keeps its channel healthy). */
    private void ack() {
        while (lac.inbox.stream().anyMatch(m -> !m.isZlb())) lac.next();
        lac.inbox.clear();
        tunnel.onMessage(ControlMessage.zlb(7, lac.ns, lac.nr), lac.now);
    }

    @Test
    void aTunnelWhoseScccnNeverComesIsClearedAfterTheSetupTimeout() {
        newTunnel(setupTimeout(10 * S));
        lac.send(ControlMessageType.SCCRQ, 0, sccrq());
        ack();
        lac.advance(9 * S);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.WAIT_CTL_CONN);
        ack();
        lac.advance(1 * S);
        ControlMessage stop = lac.next();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(stop.find(ResultCode.class))
                .contains(ResultCode.of(ResultCodes.STOPCCN_GENERAL_CLEAR, 0, "no SCCCN within 10s"));
        ack();
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSED);
        assertThat(lac.events).containsExactly("closed: closed by LNS: result 1 (no SCCCN within 10s)");
    }

    @Test
    void aCallWhoseIccnNeverComesIsClearedWithCdnTimeoutWhileOthersStay() {
        newTunnel(setupTimeout(10 * S));
        establish();
        int up = openSession(1);
        lac.now += 4 * S;
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(2), new CallSerialNumber(2));
        int first = lac.next().find(AssignedSessionId.class).orElseThrow().id();
        lac.now += 3 * S;
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(3), new CallSerialNumber(3));
        int second = lac.next().find(AssignedSessionId.class).orElseThrow().id();
        ack();
        assertThat(tunnel.nextWakeup()).isEqualTo(14 * S);

        lac.advance(14 * S - lac.now);
        ControlMessage cdn = lac.next();
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.header().sessionId()).isEqualTo(2);
        assertThat(cdn.find(ResultCode.class))
                .contains(ResultCode.of(ResultCodes.CDN_TIMEOUT, 0, "no ICCN within 10s"));
        assertThat(cdn.find(AssignedSessionId.class)).contains(new AssignedSessionId(first));
        assertThat(tunnel.session(first)).isNull();
        assertThat(tunnel.session(second)).isNotNull();
        assertThat(tunnel.stats().sessionSetupFailures()).isEqualTo(1);
        assertThat(lac.events).last().isEqualTo("session closed: setup timed out: no ICCN within 10s");

        // The second call connects in time; the established one never times out.
        lac.send(ControlMessageType.ICCN, second, new TxConnectSpeed(1), new FramingType(FramingType.SYNC));
        ack();
        lac.advance(40 * S);
        ack();
        assertThat(tunnel.sessions()).extracting(LnsSession::localId).containsExactlyInAnyOrder(up, second);
        assertThat(tunnel.stats().sessionSetupFailures()).isEqualTo(1);
    }

    @Test
    void anOutgoingCallWithoutAReplyTimesOutToo() {
        newTunnel(setupTimeout(10 * S));
        establish();
        LnsSession s = tunnel.placeCall("12345", lac.now).orElseThrow();
        ack();
        lac.advance(10 * S);
        ControlMessage cdn = lac.next();
        assertThat(cdn.find(ResultCode.class))
                .contains(ResultCode.of(ResultCodes.CDN_TIMEOUT, 0, "no OCRP within 10s"));
        assertThat(s.state()).isEqualTo(LnsSession.State.CLOSED);
    }

    @Test
    void aZeroSetupTimeoutWaitsForEver() {
        newTunnel(setupTimeout(0));
        establish();
        lac.send(ControlMessageType.ICRQ, 0, new AssignedSessionId(2), new CallSerialNumber(2));
        ack();
        for (int i = 0; i < 30; i++) {
            lac.advance(20 * S);
            ack();
        }
        assertThat(tunnel.sessions())
                .singleElement()
                .satisfies(x -> assertThat(x.state()).isEqualTo(LnsSession.State.WAIT_CONNECT));
    }

    @Test
    void anUnexpectedMessageIsAnFsmError() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.send(ControlMessageType.SCCCN, 0);
        ControlMessage stop = lac.next();
        assertThat(stop.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.STOPCCN_FSM_ERROR);
    }

    @Test
    void disconnectsASessionWithACdnToThePeersSessionId() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        int sid = openSession(44);
        tunnel.disconnect(sid, new Refusal(ResultCodes.CDN_ADMINISTRATIVE, -1, ""), lac.now);
        ControlMessage cdn = lac.next();
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.header().sessionId()).isEqualTo(44);
        assertThat(cdn.find(ResultCode.class)).contains(ResultCode.of(ResultCodes.CDN_ADMINISTRATIVE));
        assertThat(cdn.find(AssignedSessionId.class)).contains(new AssignedSessionId(sid));
        assertThat(tunnel.sessions()).isEmpty();
        assertThat(lac.events).last().asString().startsWith("session closed: disconnected by LNS");
    }

    @Test
    void placesAnOutgoingCall() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        LnsSession s = tunnel.placeCall("12345", lac.now).orElseThrow();
        ControlMessage ocrq = lac.next();
        assertThat(ocrq.type()).contains(ControlMessageType.OCRQ);
        lac.send(ControlMessageType.OCRP, s.localId(), new AssignedSessionId(66));
        assertThat(s.state()).isEqualTo(LnsSession.State.WAIT_CS_ANSWER);
        lac.send(ControlMessageType.OCCN, s.localId(), new TxConnectSpeed(64000), new FramingType(1));
        assertThat(s.state()).isEqualTo(LnsSession.State.ESTABLISHED);
        assertThat(s.peerId()).isEqualTo(66);
    }

    @Test
    void closesWithStopccnAndEndsWhenItIsAcknowledged() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        openSession(3);
        tunnel.close(new Refusal(ResultCodes.STOPCCN_SHUTTING_DOWN, -1, ""), lac.now);
        ControlMessage stop = lac.next();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(tunnel.sessions()).isEmpty();
        tunnel.onMessage(ControlMessage.zlb(7, lac.ns, lac.nr), lac.now);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSED);
    }

    @Test
    void anAdministrativeCloseEndsAHoldAfterThePeersStopccnAtOnce() {
        newTunnel(TunnelSettings.defaults("lns1"));
        establish();
        lac.send(ControlMessageType.StopCCN, 0, new AssignedTunnelId(LAC_TUNNEL), ResultCode.of(1));
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSING);
        tunnel.close(new Refusal(ResultCodes.STOPCCN_SHUTTING_DOWN, -1, ""), lac.now);
        assertThat(tunnel.state()).isEqualTo(LnsTunnel.State.CLOSED);
        assertThat(lac.events).last().asString().startsWith("closed: closed by peer");
    }

    @Test
    void tracesOnlyTheCategoriesInItsMask() {
        newTunnel(
                TunnelSettings.defaults("lns1").withTraceMask(TraceCategory.PROTOCOL.bit() | TraceCategory.FSM.bit()));
        establish();
        assertThat(lac.traces)
                .contains(
                        "PROTOCOL RX SCCRQ session 0 Ns 0 Nr 0",
                        "FSM tunnel IDLE -> WAIT_CTL_CONN (SCCRP sent)",
                        "PROTOCOL TX SCCRP session 0 Ns 0 Nr 1",
                        "FSM tunnel WAIT_CTL_CONN -> ESTABLISHED (SCCCN received)")
                .noneMatch(l -> l.startsWith("AVP"));
        lac.traces.clear();
        lac.ns = 0;
        lac.nr = 0;
        lac.inbox.clear();
        newTunnel(TunnelSettings.defaults("lns1").withTraceMask(TraceCategory.AVP_DATA.bit()));
        establish();
        assertThat(lac.traces).contains("AVP_DATA RX Host Name[M]=\"bras1\"");
        assertThat(TraceMask.parse("protocol, FSM").bits()).isEqualTo(3);
        assertThat(TraceMask.parse("0x400").bits()).isEqualTo(TraceCategory.PPP.bit());
        assertThat(TraceMask.parse("ALL").bits()).isEqualTo(TraceMask.ALL.bits());
    }

    @Test
    void tieBreakerLowerValueWins() {
        assertThat(TieBreaker.weYield(5, 3)).isTrue();
        assertThat(TieBreaker.weYield(3, 5)).isFalse();
        assertThat(TieBreaker.weYield(7, 7)).isTrue();
        assertThat(TieBreaker.weYield(-1L, 1)).isTrue(); // unsigned comparison
    }
}
