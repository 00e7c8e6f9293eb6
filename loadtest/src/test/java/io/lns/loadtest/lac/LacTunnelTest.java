package io.lns.loadtest.lac;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.BearerCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.ControlConnectionAvps.VendorName;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LAC state machine against a scripted LNS, driven by a fake clock. Every message crosses the
 * wire codec both ways (encoded to bytes, decoded again), so hidden AVPs are really hidden.
 */
class LacTunnelTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1000 * MS;
    private static final int TID = 7;
    private static final int LNS_TID = 99;
    private static final TunnelSecret SECRET = TunnelSecret.of("s3cret");

    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private final List<ControlMessage> sent = new ArrayList<>();
    private final List<ControlMessage> sentUnrevealed = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();
    private LacListener.TeardownResult teardown;
    private TunnelSecret lnsSecret;
    private long now;
    private LacTunnel tunnel;

    private final LacListener listener = new LacListener() {
        @Override
        public void tunnelUp(LacTunnel t, long latency) {
            events.add("tunnelUp");
            latencies.add(latency);
        }

        @Override
        public void tunnelDown(LacTunnel t, Failure why, boolean wasUp) {
            events.add(wasUp ? "tunnelDown" : "tunnelFailed");
            failures.add(why);
        }

        @Override
        public void callUp(LacSession s, long latency) {
            events.add("callUp " + s.localId());
            latencies.add(latency);
        }

        @Override
        public void callFailed(LacSession s, Failure why) {
            events.add("callFailed " + s.localId());
            failures.add(why);
        }

        @Override
        public void callDown(LacSession s, Failure why) {
            events.add("callDown " + s.localId());
            failures.add(why);
        }

        @Override
        public void teardownDone(LacTunnel t, TeardownResult result) {
            events.add("teardownDone");
            teardown = result;
        }
    };

    private LacTunnel tunnel(LacConfig config) {
        lnsSecret = config.secret();
        tunnel = new LacTunnel(
                TID,
                config,
                (m, hiding) -> {
                    ByteBuf wire = Unpooled.buffer();
                    encoder.encode(m, wire, hiding);
                    try {
                        sentUnrevealed.add((ControlMessage) decoder.decode(wire.duplicate()));
                        sent.add((ControlMessage) decoder.decode(wire, lnsSecret));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                },
                listener,
                new Random(2661));
        return tunnel;
    }

    /** The LNS sends a message to our tunnel; its hidden AVPs are hidden with the LNS's secret. */
    private void lns(ControlMessageType type, int session, int ns, int nr, Avp... avps) {
        List<Avp> all = new ArrayList<>();
        all.add(Avp.of(MessageType.of(type)));
        all.addAll(Arrays.asList(avps));
        receive(new ControlMessage(L2tpHeader.control(TID, session, ns, nr), all));
    }

    private void lnsZlb(int ns, int nr) {
        receive(ControlMessage.zlb(TID, ns, nr));
    }

    private void receive(ControlMessage m) {
        ByteBuf wire = Unpooled.buffer();
        encoder.encode(m, wire, lnsSecret == null ? null : new HidingKey(lnsSecret, new Random(1)));
        try {
            tunnel.onMessage((ControlMessage) decoder.decode(wire), now);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void advanceTo(long t) {
        for (int guard = 0; guard < 10_000 && tunnel.nextWakeup() <= t; guard++) {
            now = Math.max(now, tunnel.nextWakeup());
            tunnel.onTick(now);
        }
        now = t;
        tunnel.onTick(now);
    }

    private ControlMessage last() {
        return sent.get(sent.size() - 1);
    }

    private static Avp a(AvpValue v) {
        return Avp.of(v);
    }

    /** SCCRQ → SCCRP → SCCCN → ZLB; the tunnel is up. Leaves the LNS's next Ns at 1, ours at 2. */
    private void establish(LacConfig config) {
        tunnel(config).start(now);
        now += 3 * MS;
        lns(
                ControlMessageType.SCCRP,
                0,
                0,
                1,
                a(ProtocolVersion.RFC2661),
                a(new HostName("lns")),
                a(new AssignedTunnelId(LNS_TID)));
        now += 1 * MS;
        lnsZlb(1, 2);
        assertThat(events).containsExactly("tunnelUp");
        events.clear();
        latencies.clear();
    }

    @Test
    void bringsUpATunnelWithSccrqSccrpScccnAndIsUpWhenTheScccnIsAcknowledged() {
        tunnel(LacConfig.defaults()).start(0);

        ControlMessage sccrq = last();
        assertThat(sccrq.type()).contains(ControlMessageType.SCCRQ);
        assertThat(sccrq.header().tunnelId()).isZero();
        assertThat(sccrq.header().ns()).isZero();
        assertThat(sccrq.find(ProtocolVersion.class)).contains(ProtocolVersion.RFC2661);
        assertThat(sccrq.find(HostName.class)).contains(new HostName("lns-loadtest"));
        assertThat(sccrq.find(FramingCapabilities.class))
                .hasValueSatisfying(f -> assertThat(f.sync()).isTrue());
        assertThat(sccrq.find(BearerCapabilities.class)).isPresent();
        assertThat(sccrq.find(VendorName.class)).contains(new VendorName("lns-loadtest"));
        assertThat(sccrq.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(TID));
        assertThat(sccrq.find(ReceiveWindowSize.class)).contains(new ReceiveWindowSize(16));
        assertThat(sccrq.find(Challenge.class)).isEmpty();
        assertThat(sccrq.avps()).noneMatch(Avp::hidden);

        now = 4 * MS;
        lns(
                ControlMessageType.SCCRP,
                0,
                0,
                1,
                a(ProtocolVersion.RFC2661),
                a(new AssignedTunnelId(LNS_TID)),
                a(new ReceiveWindowSize(4)));
        ControlMessage scccn = last();
        assertThat(scccn.type()).contains(ControlMessageType.SCCCN);
        assertThat(scccn.header()).satisfies(h -> {
            assertThat(h.tunnelId()).isEqualTo(LNS_TID);
            assertThat(h.ns()).isEqualTo(1);
            assertThat(h.nr()).isEqualTo(1);
        });
        assertThat(events).isEmpty();

        now = 6 * MS;
        lnsZlb(1, 2);
        assertThat(events).containsExactly("tunnelUp");
        assertThat(latencies).containsExactly(4 * MS);
        assertThat(tunnel.state()).isEqualTo(LacTunnel.State.ESTABLISHED);
    }

    @Test
    void placesAnIncomingCallAndIsUpWhenTheIccnIsAcknowledged() {
        establish(LacConfig.defaults());
        long start = now;
        LacSession call = tunnel.startCall(4242, "0200.0007.0001", now);

        ControlMessage icrq = last();
        assertThat(icrq.type()).contains(ControlMessageType.ICRQ);
        assertThat(icrq.header().tunnelId()).isEqualTo(LNS_TID);
        assertThat(icrq.header().sessionId()).isZero();
        assertThat(icrq.find(AssignedSessionId.class)).contains(new AssignedSessionId(1));
        assertThat(icrq.find(CallSerialNumber.class)).contains(new CallSerialNumber(4242));
        assertThat(icrq.find(CallingNumber.class)).contains(new CallingNumber("0200.0007.0001"));

        now += 2 * MS;
        lns(ControlMessageType.ICRP, 1, 1, 3, a(new AssignedSessionId(500)));
        ControlMessage iccn = last();
        assertThat(iccn.type()).contains(ControlMessageType.ICCN);
        assertThat(iccn.header().sessionId()).isEqualTo(500);
        assertThat(iccn.find(TxConnectSpeed.class)).isPresent();
        assertThat(iccn.find(FramingType.class)).contains(new FramingType(FramingType.SYNC));
        assertThat(call.state()).isEqualTo(LacSession.State.WAIT_ICCN_ACK);

        now += 1 * MS;
        lnsZlb(2, 4);
        assertThat(events).containsExactly("callUp 1");
        assertThat(latencies).containsExactly(now - start);
        assertThat(call.peerId()).isEqualTo(500);
        assertThat(tunnel.establishedCalls()).isEqualTo(1);
    }

    @Test
    void aCdnThatAcknowledgesTheIccnCountsAsUpThenDisconnected() {
        // xl2tpd without a working pppd: CDN ~15 ms after the ICCN, its Nr acknowledging the ICCN.
        establish(LacConfig.defaults());
        tunnel.startCall(1, "c", now);
        lns(ControlMessageType.ICRP, 1, 1, 3, a(new AssignedSessionId(500)));
        now += 15 * MS;
        lns(ControlMessageType.CDN, 1, 2, 4, a(ResultCode.of(2, 6, "pppd died")), a(new AssignedSessionId(500)));

        assertThat(events).containsExactly("callUp 1", "callDown 1");
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Failure.Kind.CDN);
            assertThat(f.key()).isEqualTo("CDN result=2 error=6");
            assertThat(f.description()).contains("vendor-specific").contains("pppd died");
        });
        assertThat(tunnel.establishedCalls()).isZero();
    }

    @Test
    void aCdnBeforeTheIcrpFailsTheCall() {
        establish(LacConfig.defaults());
        tunnel.startCall(1, "c", now);
        lns(ControlMessageType.CDN, 1, 1, 3, a(ResultCode.of(4)), a(new AssignedSessionId(0)));
        assertThat(events).containsExactly("callFailed 1");
        assertThat(failures.get(0).key()).isEqualTo("CDN result=4");
    }

    @Test
    void challengeResponseAuthenticationBothWays() {
        tunnel(LacConfig.defaults().withSecret(SECRET, false)).start(0);
        byte[] ours = last().find(Challenge.class).orElseThrow().value().toByteArray();
        assertThat(ours).hasSize(16);

        byte[] lnsChallenge = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] response = io.lns.l2tp.auth.ChallengeResponse.forSccrp(SECRET.bytes(), ours);
        lns(
                ControlMessageType.SCCRP,
                0,
                0,
                1,
                a(new AssignedTunnelId(LNS_TID)),
                a(new Challenge(Octets.of(lnsChallenge))),
                a(new ChallengeResponse(Octets.of(response))));

        ControlMessage scccn = last();
        assertThat(scccn.type()).contains(ControlMessageType.SCCCN);
        assertThat(scccn.find(ChallengeResponse.class).orElseThrow().value().toByteArray())
                .isEqualTo(io.lns.l2tp.auth.ChallengeResponse.forScccn(SECRET.bytes(), lnsChallenge));
        lnsZlb(1, 2);
        assertThat(events).containsExactly("tunnelUp");
    }

    @Test
    void aWrongChallengeResponseFromTheLnsStopsTheTunnel() {
        tunnel(LacConfig.defaults().withSecret(SECRET, false)).start(0);
        byte[] ours = last().find(Challenge.class).orElseThrow().value().toByteArray();
        byte[] wrong = io.lns.l2tp.auth.ChallengeResponse.forSccrp("other".getBytes(), ours);
        lns(
                ControlMessageType.SCCRP,
                0,
                0,
                1,
                a(new AssignedTunnelId(LNS_TID)),
                a(new ChallengeResponse(Octets.of(wrong))));

        ControlMessage stop = last();
        assertThat(stop.type()).contains(ControlMessageType.StopCCN);
        assertThat(stop.header().tunnelId()).isEqualTo(LNS_TID);
        assertThat(stop.find(ResultCode.class)).contains(ResultCode.of(4));
        assertThat(events).containsExactly("tunnelFailed");
        assertThat(failures.get(0).kind()).isEqualTo(Failure.Kind.AUTH);
        assertThat(failures.get(0).key()).contains("does not match");
    }

    @Test
    void aMissingChallengeResponseOrAChallengeWithoutASecretStopsTheTunnel() {
        tunnel(LacConfig.defaults().withSecret(SECRET, false)).start(0);
        lns(ControlMessageType.SCCRP, 0, 0, 1, a(new AssignedTunnelId(LNS_TID)));
        assertThat(failures.get(0).key()).isEqualTo("tunnel authentication: no Challenge Response in the SCCRP");

        failures.clear();
        tunnel(LacConfig.defaults()).start(0);
        lns(ControlMessageType.SCCRP, 0, 0, 1, a(new AssignedTunnelId(LNS_TID)), a(new Challenge(Octets.of(9, 9))));
        assertThat(last().type()).contains(ControlMessageType.StopCCN);
        assertThat(failures.get(0).key()).contains("we have no secret");
    }

    @Test
    void hidesIdentifyingAvpsAndRevealsHiddenAvpsFromTheLns() {
        tunnel(LacConfig.defaults().withSecret(SECRET, true)).start(0);

        ControlMessage sccrq = last();
        assertThat(sccrq.avps().get(0).value()).isInstanceOf(MessageType.class);
        assertThat(sccrq.avps().get(0).hidden()).isFalse();
        int rv = indexOf(sccrq, RandomVector.class);
        int firstHidden = firstHiddenIndex(sccrq);
        assertThat(rv).isPositive().isLessThan(firstHidden);
        assertThat(sccrq.avps().get(rv).hidden()).isFalse();
        assertThat(hiddenTypes(sccrq)).containsExactlyInAnyOrder(7, 8, 9); // Host Name, Vendor Name, Assigned Tunnel ID
        assertThat(sccrq.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(TID));
        // Without the secret the hidden values cannot be read.
        assertThat(sentUnrevealed.get(0).find(AssignedTunnelId.class)).isEmpty();
        assertThat(sentUnrevealed.get(0).avps())
                .anySatisfy(avp -> assertThat(avp.value())
                        .isInstanceOfSatisfying(
                                InvalidValue.class,
                                iv -> assertThat(iv.problem()).isEqualTo(InvalidValue.Problem.HIDDEN_NO_SECRET)));

        byte[] ours = sccrq.find(Challenge.class).orElseThrow().value().toByteArray();
        lns(
                ControlMessageType.SCCRP,
                0,
                0,
                1,
                Avp.hidden(new AssignedTunnelId(LNS_TID)),
                a(new ChallengeResponse(Octets.of(io.lns.l2tp.auth.ChallengeResponse.forSccrp(SECRET.bytes(), ours)))));
        assertThat(last().header().tunnelId()).isEqualTo(LNS_TID); // revealed
        lnsZlb(1, 2);
        assertThat(events).containsExactly("tunnelUp");

        tunnel.startCall(77, "0200.0007.0001", now);
        ControlMessage icrq = last();
        assertThat(hiddenTypes(icrq)).containsExactlyInAnyOrder(14, 15, 22);
        assertThat(icrq.find(CallingNumber.class)).contains(new CallingNumber("0200.0007.0001"));

        lns(ControlMessageType.ICRP, 1, 1, 3, Avp.hidden(new AssignedSessionId(500)));
        assertThat(last().type()).contains(ControlMessageType.ICCN);
        assertThat(last().header().sessionId()).isEqualTo(500);
        assertThat(hiddenTypes(last())).containsExactly(24); // Tx Connect Speed
        lnsZlb(2, 4);
        assertThat(events).containsExactly("tunnelUp", "callUp 1");
    }

    @Test
    void aHiddenAvpFromAnLnsWithAnotherSecretIsReportedNotUsed() {
        tunnel(LacConfig.defaults().withSecret(SECRET, false)).start(0);
        lnsSecret = TunnelSecret.of("not ours");
        lns(ControlMessageType.SCCRP, 0, 0, 1, Avp.hidden(new AssignedTunnelId(LNS_TID)));
        assertThat(events).containsExactly("tunnelFailed");
        assertThat(failures.get(0).key())
                .startsWith("protocol: SCCRP without a usable Assigned Tunnel ID (hidden, HIDDEN_WRONG_SECRET");
    }

    @Test
    void aStopccnFromTheLnsTakesDownTheTunnelAndEveryCall() {
        establish(LacConfig.defaults());
        tunnel.startCall(1, "a", now);
        tunnel.startCall(2, "b", now);
        lns(ControlMessageType.ICRP, 1, 1, 4, a(new AssignedSessionId(500)));
        lnsZlb(2, 5); // ICCN of call 1 acknowledged; call 2 still waits for its ICRP
        assertThat(events).containsExactly("callUp 1");

        lns(ControlMessageType.StopCCN, 0, 2, 5, a(new AssignedTunnelId(LNS_TID)), a(ResultCode.of(6)));
        assertThat(events).containsExactly("callUp 1", "callDown 1", "callFailed 2", "tunnelDown");
        assertThat(failures.get(0).key()).isEqualTo("tunnel down (StopCCN result=6)");
        assertThat(failures.get(2).key()).isEqualTo("StopCCN result=6");
        assertThat(failures.get(2).description()).isEqualTo("Requester is being shut down");

        int before = sent.size();
        advanceTo(now + 200 * MS);
        assertThat(sent.subList(before, sent.size())).singleElement().satisfies(zlb -> {
            assertThat(zlb.isZlb()).isTrue();
            assertThat(zlb.header().nr()).isEqualTo(3);
        });
    }

    @Test
    void aStopccnInsteadOfAnSccrpFailsTheTunnel() {
        tunnel(LacConfig.defaults()).start(0);
        lns(
                ControlMessageType.StopCCN,
                0,
                0,
                1,
                a(new AssignedTunnelId(LNS_TID)),
                a(ResultCode.of(2, 4, "too many tunnels")));
        assertThat(events).containsExactly("tunnelFailed");
        assertThat(failures.get(0).key()).isEqualTo("StopCCN result=2 error=4");
        assertThat(failures.get(0).detail()).isEqualTo("too many tunnels");
    }

    @Test
    void noSccrpTimesOutAfterRetransmissions() {
        tunnel(LacConfig.defaults()).start(0);
        advanceTo(10 * S);
        assertThat(sent)
                .extracting(m -> m.type().orElseThrow())
                .containsOnly(ControlMessageType.SCCRQ)
                .hasSize(4); // at 0, 1, 3 and 7 s
        assertThat(events).containsExactly("tunnelFailed");
        assertThat(failures.get(0).key()).isEqualTo("timeout: no SCCRP within 10 s");
        assertThat(tunnel.nextWakeup()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aSilentLnsFailsTheChannelWhenTheSetupTimeoutIsLonger() {
        tunnel(LacConfig.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(5)))
                .start(0);
        advanceTo(60 * S);
        assertThat(failures.get(0).kind()).isEqualTo(Failure.Kind.NO_ACK);
        assertThat(failures.get(0).description()).contains("after 5 retransmissions");
    }

    @Test
    void aCallWithoutIcrpTimesOutWithACdn() {
        establish(LacConfig.defaults().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5)));
        tunnel.startCall(1, "a", now);
        lnsZlb(1, 3); // ICRQ acknowledged, never answered
        advanceTo(now + 3 * S);
        assertThat(events).containsExactly("callFailed 1");
        assertThat(failures.get(0).key()).isEqualTo("timeout: no ICRP within 3 s");
        ControlMessage cdn = last();
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.find(ResultCode.class)).contains(ResultCode.of(10));
        assertThat(cdn.find(AssignedSessionId.class)).contains(new AssignedSessionId(1));
        assertThat(tunnel.callsInSetup()).isZero();
    }

    @Test
    void sendsAHelloWhenTheLnsIsQuietAndAcknowledgesTheLnssHello() {
        establish(LacConfig.defaults().withHelloInterval(Duration.ofSeconds(60)));
        int before = sent.size();
        advanceTo(now + 59 * S);
        assertThat(sent).hasSize(before);
        advanceTo(now + 1 * S);
        assertThat(last().type()).contains(ControlMessageType.HELLO);

        lns(ControlMessageType.HELLO, 0, 1, 3);
        advanceTo(now + 100 * MS);
        assertThat(last().isZlb()).isTrue();
        assertThat(last().header().nr()).isEqualTo(2);
    }

    @Test
    void teardownSendsACdnPerCallThenAStopccnAndWaitsForTheirAcknowledgement() {
        establish(LacConfig.defaults());
        tunnel.startCall(1, "a", now);
        tunnel.startCall(2, "b", now);
        lns(ControlMessageType.ICRP, 1, 1, 4, a(new AssignedSessionId(500)));
        lns(ControlMessageType.ICRP, 2, 2, 4, a(new AssignedSessionId(501)));
        lnsZlb(3, 6);
        assertThat(tunnel.establishedCalls()).isEqualTo(2);
        int before = sent.size();

        long start = now;
        tunnel.teardown(true, now);
        List<ControlMessage> out = sent.subList(before, sent.size());
        // The LNS's window (4, none advertised) limits what is in flight; all three are queued in order.
        assertThat(out).extracting(m -> m.type().orElseThrow()).first().isEqualTo(ControlMessageType.CDN);
        now += 5 * MS;
        lnsZlb(3, 9);
        assertThat(sent.subList(before, sent.size()))
                .extracting(m -> m.type().orElseThrow() + "/" + m.header().sessionId())
                .containsExactly("CDN/500", "CDN/501", "StopCCN/0");
        ControlMessage stop = last();
        assertThat(stop.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(TID));
        assertThat(stop.find(ResultCode.class)).contains(ResultCode.of(1));
        assertThat(events).containsExactly("callUp 1", "callUp 2", "teardownDone");
        assertThat(teardown).isEqualTo(new LacListener.TeardownResult(2, 2, true, now - start));
        assertThat(tunnel.state()).isEqualTo(LacTunnel.State.CLOSED);
    }

    @Test
    void teardownGivesUpAfterItsTimeout() {
        establish(LacConfig.defaults());
        tunnel.teardown(true, now);
        advanceTo(now + 5 * S);
        assertThat(events).containsExactly("teardownDone");
        assertThat(teardown.stopccnAcked()).isFalse();
    }

    @Test
    void ignoresMessagesForAnotherTunnel() {
        tunnel(LacConfig.defaults()).start(0);
        tunnel.onMessage(
                new ControlMessage(
                        L2tpHeader.control(8, 0, 0, 1), List.of(a(MessageType.of(ControlMessageType.SCCRP)))),
                0);
        assertThat(tunnel.wrongTunnel()).isEqualTo(1);
        assertThat(tunnel.state()).isEqualTo(LacTunnel.State.WAIT_SCCRP);
    }

    @Test
    void aCallOnATunnelThatIsNotUpFailsAtOnce() {
        tunnel(LacConfig.defaults()).start(0);
        tunnel.startCall(1, "a", 0);
        assertThat(events).containsExactly("callFailed 1");
        assertThat(failures.get(0).kind()).isEqualTo(Failure.Kind.TUNNEL_DOWN);
    }

    private static int indexOf(ControlMessage m, Class<? extends AvpValue> c) {
        for (int i = 0; i < m.avps().size(); i++)
            if (c.isInstance(m.avps().get(i).value())) return i;
        return -1;
    }

    private static int firstHiddenIndex(ControlMessage m) {
        for (int i = 0; i < m.avps().size(); i++) if (m.avps().get(i).hidden()) return i;
        return -1;
    }

    private static List<Integer> hiddenTypes(ControlMessage m) {
        return m.avps().stream().filter(Avp::hidden).map(Avp::type).toList();
    }
}
