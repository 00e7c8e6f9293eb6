package io.lns.loadtest.subscriber;

import static io.lns.loadtest.subscriber.FakeLns.MS;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.CallManagementAvps.SequencingRequired;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.loadtest.ip.IcmpEcho;
import io.lns.loadtest.ip.Ipv4;
import io.lns.loadtest.ip.Ipv4Packet;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.lac.LacSession;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Subscribers behind a simulated LAC against an in-memory LNS whose PPP is an AUTHENTICATOR-role
 * {@link io.lns.ppp.session.PppSession}, everything on one fake clock.
 */
class SubscriberTunnelTest {
    private static final long S = 1000 * MS;

    private final FakeLns lns = new FakeLns();
    private final List<String> events = new ArrayList<>();
    private final List<SubscriberUp> ups = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();
    private final List<Long> latencies = new ArrayList<>();

    private final SubscriberListener listener = new SubscriberListener() {
        @Override
        public void tunnelUp(LacTunnel t, long latency) {
            events.add("tunnelUp");
        }

        @Override
        public void tunnelDown(LacTunnel t, Failure why, boolean wasUp) {
            events.add("tunnelDown");
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
        }

        @Override
        public void subscriberUp(LacSession s, SubscriberUp up) {
            events.add("subscriberUp " + s.localId());
            ups.add(up);
        }

        @Override
        public void subscriberIpv6Up(LacSession s) {
            events.add("ipv6Up " + s.localId());
        }

        @Override
        public void subscriberDataDone(LacSession s) {
            events.add("dataDone " + s.localId());
        }
    };

    private SubscriberTunnel tunnel(LacConfig lac, SubscriberConfig subscribers) {
        SubscriberTunnel t = new SubscriberTunnel(7, lac, subscribers, lns, listener, new Random(1701));
        lns.tunnel = t;
        t.start(lns.now);
        lns.runFor(100 * MS);
        assertThat(events).containsExactly("tunnelUp");
        events.clear();
        return t;
    }

    private static SubscriberConfig subscribers() {
        return SubscriberConfig.defaults().toBuilder()
                .credentials("user%d", "pw")
                .build();
    }

    @Test
    void eachSubscriberAuthenticatesWithItsProtocolAndGetsItsOwnAddress() {
        SubscriberTunnel t = tunnel(
                LacConfig.defaults(),
                subscribers().toBuilder().auth(AuthChoice.MIX).build());
        for (long i = 1; i <= 3; i++) t.startCall(i, "caller" + i, lns.now);
        lns.runFor(2 * S);

        assertThat(events)
                .contains("subscriberUp 1", "callUp 1", "subscriberUp 2", "callUp 2", "subscriberUp 3", "callUp 3")
                .contains("ipv6Up 1", "ipv6Up 2", "ipv6Up 3");
        assertThat(failures).isEmpty();
        // the LNS asks for CHAP first: PAP and MS-CHAPv2 subscribers Nak it towards their own
        assertThat(ups)
                .extracting(SubscriberUp::user, SubscriberUp::authMethod)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("user1", AuthProtocol.PAP),
                        org.assertj.core.groups.Tuple.tuple("user2", AuthProtocol.CHAP_MD5),
                        org.assertj.core.groups.Tuple.tuple("user3", AuthProtocol.MSCHAP_V2));
        assertThat(new HashSet<>(ups.stream().map(SubscriberUp::address).toList()))
                .hasSize(3);
        for (SubscriberUp u : ups) {
            assertThat(u.gateway()).isEqualTo(FakeLns.GATEWAY);
            assertThat(u.dns()).isTrue();
            assertThat(u.lcpUp()).isPositive();
            assertThat(u.authDone()).isGreaterThan(u.lcpUp());
            assertThat(u.ipcpUp()).isGreaterThanOrEqualTo(u.authDone());
            assertThat(u.sendsProbes()).isFalse();
        }
        // the LNS agrees: every one of its sessions is up with the address the subscriber reports
        for (FakeLns.Call c : lns.byLnsSession.values()) {
            assertThat(c.up).isNotNull();
            assertThat(ups).extracting(SubscriberUp::address).contains(c.up.peerAddress());
        }
        // the call's latency runs from ICRQ to IPCP up
        assertThat(latencies)
                .allSatisfy(l -> assertThat(l).isGreaterThan(ups.get(0).ipcpUp()));
        SubscriberCounters c = t.counters();
        assertThat(c.dataSent()).isPositive();
        assertThat(c.dataReceived()).isPositive();
        assertThat(c.dataMalformed() + c.dataUnknownSession() + c.dataOutOfSequence())
                .isZero();
    }

    @Test
    void aWrongPasswordFailsTheCallInAuthenticationAndHangsUpWithACdn() {
        lns.password = "other";
        SubscriberTunnel t = tunnel(LacConfig.defaults(), subscribers());
        t.startCall(1, "c1", lns.now);
        t.startCall(2, "c2", lns.now);
        lns.runFor(5 * S);

        assertThat(events).containsExactlyInAnyOrder("callFailed 1", "callFailed 2");
        assertThat(failures).extracting(Failure::key).containsOnly("PPP authentication: rejected by the LNS");
        assertThat(lns.received).anySatisfy(m -> assertThat(m.type()).contains(ControlMessageType.CDN));
        assertThat(t.tunnel().establishedCalls()).isZero();
    }

    @Test
    void anUnknownUserIsRejectedWithMsChapV2sErrorCode() {
        lns.users = 1;
        SubscriberTunnel t = tunnel(
                LacConfig.defaults(),
                subscribers().toBuilder().auth(AuthChoice.MSCHAPV2).build());
        t.startCall(1, "c1", lns.now);
        t.startCall(2, "c2", lns.now);
        lns.runFor(5 * S);

        assertThat(events).containsExactlyInAnyOrder("subscriberUp 1", "callUp 1", "ipv6Up 1", "callFailed 2");
        assertThat(failures)
                .extracting(Failure::kind, Failure::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Failure.Kind.PPP_AUTH, "rejected by the LNS (E=691)"));
    }

    @Test
    void pingsTheGatewayAnswersTheLnssPingsAndSendsSpoofedPackets() {
        SubscriberTunnel t = tunnel(
                LacConfig.defaults(),
                subscribers().toBuilder()
                        .ping(SubscriberConfig.GATEWAY, 10, 3)
                        .spoof(2)
                        .build());
        t.startCall(1, "c1", lns.now);
        lns.runFor(1 * S);
        assertThat(events).contains("subscriberUp 1", "callUp 1").doesNotContain("dataDone 1");
        assertThat(ups.get(0).sendsProbes()).isTrue();
        FakeLns.Call call = lns.byLacSession.get(1);
        int address = Ipv4.toInt(call.up.peerAddress());

        // the LNS side pings the subscriber
        call.sendIp(new Ipv4Packet(
                        5,
                        false,
                        64,
                        Ipv4Packet.ICMP,
                        Ipv4.toInt(FakeLns.GATEWAY),
                        address,
                        new IcmpEcho(false, 99, 1, new byte[] {7}).encode())
                .encode());
        lns.runFor(2 * S);

        assertThat(events).contains("dataDone 1");
        SubscriberCounters c = t.counters();
        assertThat(c.pingSent()).isEqualTo(3);
        assertThat(c.pingReceived()).isEqualTo(3);
        assertThat(c.pingRtt()).containsOnly(2 * MS); // one millisecond each way
        assertThat(c.echoRequestsAnswered()).isEqualTo(1);
        assertThat(c.spoofedSent()).isEqualTo(2);

        List<Ipv4Packet> fromSubscriber = call.datagrams;
        assertThat(fromSubscriber)
                .filteredOn(p -> p.source() != address)
                .hasSize(2)
                .allSatisfy(p -> {
                    assertThat(p.destination()).isEqualTo(Ipv4.toInt(FakeLns.GATEWAY));
                    assertThat(p.source() >>> 17).isEqualTo(0xC612 >>> 1); // 198.18.0.0/15
                });
        assertThat(fromSubscriber)
                .filteredOn(p -> p.source() == address && p.destination() == Ipv4.toInt(FakeLns.GATEWAY))
                .hasSize(4); // 3 pings and the reply to the LNS's ping
    }

    @Test
    void withSequencingRequiredTheIccnSaysSoAndEveryDataMessageCarriesNs() {
        SubscriberTunnel t = tunnel(LacConfig.defaults().withSequencing(true), subscribers());
        t.startCall(1, "c1", lns.now);
        lns.runFor(2 * S);

        assertThat(events).contains("callUp 1");
        ControlMessage iccn = lns.received.stream()
                .filter(m -> m.type().orElseThrow() == ControlMessageType.ICCN)
                .findFirst()
                .orElseThrow();
        assertThat(iccn.find(SequencingRequired.class)).isPresent();
        List<L2tpHeader> headers = lns.byLacSession.get(1).dataHeaders;
        assertThat(headers).isNotEmpty().allSatisfy(h -> {
            assertThat(h.sequencePresent()).isTrue();
            assertThat(h.lengthPresent()).isTrue();
            assertThat(h.tunnelId()).isEqualTo(FakeLns.LNS_TUNNEL);
            assertThat(h.sessionId()).isEqualTo(1001);
        });
        for (int i = 0; i < headers.size(); i++) assertThat(headers.get(i).ns()).isEqualTo(i);
        assertThat(t.counters().dataOutOfSequence()).isZero();
    }

    @Test
    void withoutSubscribersACallIsUpAtTheIccnAcknowledgementAndDataIsDropped() {
        lns.talksPpp = false;
        SubscriberTunnel t = tunnel(LacConfig.defaults(), null);
        t.startCall(1, "c1", lns.now);
        lns.runFor(100 * MS);
        assertThat(events).containsExactly("callUp 1");
        assertThat(t.subscriber(1)).isNull();

        lns.toLac(L2tpHeader.data(7, 1), new PppFrame(PppFrame.LCP, new byte[] {1, 1, 0, 4}).encode());
        lns.runFor(100 * MS);
        assertThat(t.counters()).isEqualTo(SubscriberCounters.ZERO);
    }

    @Test
    void aSilentLnsTimesPppOutAndTheCallEndsWithCdnTimeout() {
        lns.talksPpp = false;
        SubscriberTunnel t = tunnel(
                LacConfig.defaults(),
                subscribers().toBuilder().pppTimeout(Duration.ofSeconds(5)).build());
        t.startCall(1, "c1", lns.now);
        lns.runFor(4 * S);
        assertThat(events).isEmpty();
        assertThat(t.subscriber(1).state()).isEqualTo(Subscriber.State.STARTING);
        lns.runFor(2 * S);

        assertThat(events).containsExactly("callFailed 1");
        assertThat(failures.get(0).key()).isEqualTo("timeout: PPP not up within 5 s (stuck in LCP)");
        ControlMessage cdn = lns.received.get(lns.received.size() - 1);
        assertThat(cdn.type()).contains(ControlMessageType.CDN);
        assertThat(cdn.find(ResultCode.class).orElseThrow().result()).isEqualTo(10);
        assertThat(t.nextWakeup()).isGreaterThan(lns.now + 30 * S); // nothing left but HELLO
    }

    @Test
    void pppStartsOnTheLnssFirstDataMessageBeforeTheIccnIsAcknowledged() {
        lns.iccnAckDelay = 500 * MS;
        SubscriberTunnel t = tunnel(LacConfig.defaults(), subscribers());
        t.startCall(1, "c1", lns.now);
        lns.runFor(200 * MS);

        // the first data message confirmed the call: a teardown now would not abort it as "in setup"
        assertThat(t.tunnel().call(1).state()).isEqualTo(LacSession.State.ESTABLISHED);
        assertThat(t.tunnel().callsInSetup()).isZero();
        assertThat(events).contains("subscriberUp 1", "callUp 1");
        lns.runFor(1 * S);
        assertThat(events).containsOnlyOnce("callUp 1");
        t.teardown(true, lns.now);
        lns.runFor(1 * S);
        assertThat(events).doesNotContain("callFailed 1").contains("teardownDone");
    }

    @Test
    void anLcpTerminateFromTheLnsAfterSetupIsACallDown() {
        SubscriberTunnel t = tunnel(LacConfig.defaults(), subscribers());
        t.startCall(1, "c1", lns.now);
        lns.runFor(1 * S);
        assertThat(events).contains("callUp 1");
        events.clear();

        lns.byLacSession.get(1).ppp.close(lns.now, "admin");
        lns.runFor(5 * S);
        assertThat(events).containsExactly("callDown 1");
        assertThat(failures.get(0).kind()).isEqualTo(Failure.Kind.PPP);
        assertThat(lns.received.get(lns.received.size() - 1).type()).contains(ControlMessageType.CDN);
        assertThat(t.tunnel().establishedCalls()).isZero();
    }

    @Test
    void aCdnFromTheLnsStopsTheSubscriber() {
        SubscriberTunnel t = tunnel(
                LacConfig.defaults(),
                subscribers().toBuilder().ping(SubscriberConfig.GATEWAY, 1, 100).build());
        t.startCall(1, "c1", lns.now);
        lns.runFor(1 * S);
        events.clear();
        lns.sendCdn(lns.byLacSession.get(1));
        lns.runFor(100 * MS);

        assertThat(events).containsExactly("callDown 1");
        assertThat(failures.get(0).key()).isEqualTo("CDN result=3");
        long sent = t.counters().pingSent();
        lns.runFor(5 * S);
        assertThat(t.counters().pingSent()).as("no more pings").isEqualTo(sent);
    }

    @Test
    void malformedAndStrayDataMessagesAreCountedNotThrown() {
        SubscriberTunnel t = tunnel(LacConfig.defaults(), subscribers());
        t.startCall(1, "c1", lns.now);
        lns.runFor(1 * S);

        lns.toLac(L2tpHeader.data(7, 1), new byte[] {(byte) 0xFF, 0x05, 0x00});
        lns.toLac(L2tpHeader.data(7, 1), new byte[0]);
        lns.toLac(L2tpHeader.data(7, 42), new PppFrame(PppFrame.LCP, new byte[] {9, 1, 0, 4}).encode());
        lns.toLac(L2tpHeader.data(8, 1), new PppFrame(PppFrame.LCP, new byte[] {9, 1, 0, 4}).encode());
        lns.runFor(100 * MS);

        SubscriberCounters c = t.counters();
        assertThat(c.dataMalformed()).isEqualTo(2);
        assertThat(c.dataUnknownSession()).isEqualTo(2);
        assertThat(events).contains("callUp 1").doesNotContain("callDown 1");
    }

    @Test
    void teardownStopsSubscribersAndReportsACallStillInPppAsFailed() {
        lns.talksPpp = false;
        SubscriberTunnel t = tunnel(LacConfig.defaults(), subscribers());
        t.startCall(1, "c1", lns.now);
        lns.runFor(1 * S);
        t.teardown(true, lns.now);
        lns.runFor(1 * S);

        assertThat(events).containsExactly("callFailed 1", "teardownDone");
        assertThat(failures.get(0).key()).isEqualTo("local: aborted by teardown");
    }
}
