package io.lns.ppp.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.Authenticator;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.auth.MsChapV2;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.State;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.proxy.ProxyOutcome;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PppSessionTest {
    static final Inet4Address GATEWAY = ip("100.64.0.1");
    static final Inet4Address DNS1 = ip("9.9.9.9");
    static final Inet4Address DNS2 = ip("1.1.1.1");
    static final Inet4Address POOL1 = ip("100.64.0.10");
    static final Inet4Address FIXED = ip("100.64.9.9");

    /** A tiny authenticator: users and passwords in a map, optional fixed address for "fixed". */
    static final class TestAuthenticator implements Authenticator {
        final Map<String, String> users = Map.of("alice", "secret1", "fixed", "secret2");
        boolean async;
        final List<CompletableFuture<AuthResult>> outstanding = new ArrayList<>();
        final List<AuthRequest> requests = new ArrayList<>();

        @Override
        public CompletionStage<AuthResult> authenticate(AuthRequest request) {
            requests.add(request);
            AuthResult result = check(request);
            if (!async) return CompletableFuture.completedFuture(result);
            CompletableFuture<AuthResult> f = new CompletableFuture<>();
            outstanding.add(f);
            f.thenAccept(x -> {}); // completed later by the test with check(request)
            pendingResults.add(result);
            return f;
        }

        final List<AuthResult> pendingResults = new ArrayList<>();

        void completeAll() {
            for (int i = 0; i < outstanding.size(); i++) outstanding.get(i).complete(pendingResults.get(i));
            outstanding.clear();
            pendingResults.clear();
        }

        private AuthResult check(AuthRequest request) {
            String pw = users.get(request.user());
            if (pw == null) return new AuthResult.Rejected("unknown user");
            byte[] pwBytes = pw.getBytes(StandardCharsets.UTF_8);
            Optional<Inet4Address> addr = request.user().equals("fixed") ? Optional.of(FIXED) : Optional.empty();
            AuthResult.Accepted ok =
                    new AuthResult.Accepted(addr, Optional.empty(), Optional.empty(), Optional.empty());
            return switch (request) {
                case AuthRequest.PapRequest p ->
                    Arrays.equals(p.password(), pwBytes) ? ok : new AuthResult.Rejected("wrong password");
                case AuthRequest.ChapRequest c ->
                    Chap.verifyMd5Response(c.id(), pwBytes, c.challenge(), c.response())
                            ? ok
                            : new AuthResult.Rejected("wrong password");
                case AuthRequest.MsChapV2Request m -> {
                    byte[] hash = MsChapV2.ntPasswordHash(pw);
                    if (!MsChapV2.verifyNtResponse(
                            m.authenticatorChallenge(), m.peerChallenge(), m.user(), hash, m.ntResponse())) {
                        yield new AuthResult.Rejected("wrong password");
                    }
                    String s = MsChapV2.generateAuthenticatorResponseFromHash(
                            hash, m.ntResponse(), m.peerChallenge(), m.authenticatorChallenge(), m.user());
                    yield new AuthResult.Accepted(
                            addr,
                            Optional.empty(),
                            Optional.empty(),
                            Optional.of(new AuthResult.MsChapV2Success(
                                    s, new AuthResult.MppeKeys(new byte[16], new byte[16]))));
                }
            };
        }
    }

    /** Records a session's output. */
    static final class Sink implements PppSessionSink {
        final Deque<PppFrame> out = new ArrayDeque<>();
        final List<PppFrame> sent = new ArrayList<>();
        final List<PppPhase> phases = new ArrayList<>();
        final List<ProxyOutcome> outcomes = new ArrayList<>();
        final Deque<Runnable> authResults = new ArrayDeque<>();
        long deadline = Long.MAX_VALUE;
        SessionInfo up;
        String down;
        PppSession session;
        Clock clock;
        Deque<Inet4Address> addresses = new ArrayDeque<>();

        @Override
        public Optional<Inet4Address> leaseAddress() {
            return Optional.ofNullable(addresses.poll());
        }

        @Override
        public void sendFrame(int protocol, byte[] information) {
            PppFrame f = new PppFrame(protocol, information);
            out.add(f);
            sent.add(f);
        }

        @Override
        public void timerWanted(long deadline) {
            this.deadline = deadline;
        }

        @Override
        public void phaseChanged(PppPhase from, PppPhase to) {
            phases.add(to);
        }

        @Override
        public void proxyOutcome(ProxyOutcome outcome) {
            outcomes.add(outcome);
        }

        @Override
        public void sessionUp(SessionInfo info) {
            up = info;
        }

        @Override
        public void sessionDown(String reason) {
            assertThat(down).as("down reported once").isNull();
            down = reason;
        }

        @Override
        public void authResultReady(long token, AuthResult result) {
            // as an owner would: hop to "its thread" (here: the pump loop)
            authResults.add(() -> session.onAuthResult(token, result, clock.now));
        }
    }

    static final class Clock {
        long now = 1_000;
    }

    /** Two sessions over an in-memory link with a fake clock. */
    static final class Link {
        final Clock clock = new Clock();
        final Sink lnsSink = new Sink();
        final Sink peerSink = new Sink();
        final TestAuthenticator authenticator = new TestAuthenticator();
        final Deque<Inet4Address> pool = new ArrayDeque<>(List.of(POOL1));
        final PppSession lns;
        final PppSession peer;

        Link(AuthProtocol auth, String user, String password) {
            this(LcpConfig.authenticator(1460, List.of(auth)), c -> c, user, password);
        }

        /** {@code lnsConfig} adjusts the LNS's session config (e.g. its proxy policy). */
        Link(LcpConfig lnsLcp, UnaryOperator<PppSessionConfig> lnsConfig, String user, String password) {
            PppSessionConfig lnsBase = PppSessionConfig.authenticator(lnsLcp, authenticator, GATEWAY, DNS1, DNS2);
            lnsSink.addresses = pool;
            PppSessionConfig peerConfig = PppSessionConfig.peer(
                    LcpConfig.peer(1460, List.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2)),
                    user,
                    password,
                    true);
            lns = new PppSession(lnsConfig.apply(lnsBase), lnsSink, new SplittableRandom(1));
            peer = new PppSession(peerConfig, peerSink, new SplittableRandom(2));
            for (Sink s : List.of(lnsSink, peerSink)) s.clock = clock;
            lnsSink.session = lns;
            peerSink.session = peer;
        }

        void start() {
            lns.start(clock.now);
            peer.start(clock.now);
        }

        /** Shuttles frames and auth results; when quiet, advances the clock to the next timer. */
        void run(boolean deliverAuth, int maxTimerSteps) {
            int timerSteps = 0;
            for (int round = 0; round < 10_000; round++) {
                boolean moved = false;
                while (!lnsSink.out.isEmpty()) {
                    peer.receive(lnsSink.out.poll(), clock.now);
                    moved = true;
                }
                while (!peerSink.out.isEmpty()) {
                    lns.receive(peerSink.out.poll(), clock.now);
                    moved = true;
                }
                if (deliverAuth && !lnsSink.authResults.isEmpty()) {
                    lnsSink.authResults.poll().run();
                    moved = true;
                }
                if (moved) continue;
                long next = Math.min(lnsSink.deadline, peerSink.deadline);
                if (next == Long.MAX_VALUE || timerSteps++ >= maxTimerSteps) return;
                clock.now = Math.max(clock.now, next);
                lns.tick(clock.now);
                peer.tick(clock.now);
            }
            throw new AssertionError("link did not settle");
        }
    }

    static void assertUp(Link link, Inet4Address expectedPeer, AuthProtocol method, String user) {
        SessionInfo lns = link.lnsSink.up;
        SessionInfo peer = link.peerSink.up;
        assertThat(lns).as("LNS up").isNotNull();
        assertThat(peer).as("peer up").isNotNull();
        assertThat(lns.peerAddress()).isEqualTo(expectedPeer);
        assertThat(lns.localAddress()).isEqualTo(GATEWAY);
        assertThat(peer.localAddress()).isEqualTo(expectedPeer);
        assertThat(peer.peerAddress()).isEqualTo(GATEWAY);
        assertThat(peer.primaryDns()).contains(DNS1);
        assertThat(peer.secondaryDns()).contains(DNS2);
        assertThat(lns.user()).contains(user);
        assertThat(lns.authMethod()).contains(method);
        assertThat(peer.authMethod()).contains(method);
        assertThat(link.lns.phase()).isEqualTo(PppPhase.NETWORK);
        assertThat(link.lnsSink.phases)
                .containsSubsequence(PppPhase.ESTABLISH, PppPhase.AUTHENTICATE, PppPhase.NETWORK);
        assertThat(link.lns.ipv6cpState()).contains(State.OPENED);
        assertThat(link.peer.ipv6cpState()).contains(State.OPENED);
        assertThat(link.lnsSink.down).isNull();
        assertThat(link.peerSink.down).isNull();
    }

    @Test
    void papReachesUp() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(true, 0);
        assertUp(link, POOL1, AuthProtocol.PAP, "alice");
        assertThat(link.lnsSink.outcomes).containsExactly(ProxyOutcome.NOT_OFFERED);
        link.lns.start(link.clock.now); // a second start is a no-op and reports nothing
        assertThat(link.lnsSink.outcomes).hasSize(1);
    }

    @Test
    void chapMd5ReachesUpWithFixedAddress() {
        Link link = new Link(AuthProtocol.CHAP_MD5, "fixed", "secret2");
        link.start();
        link.run(true, 0);
        assertUp(link, FIXED, AuthProtocol.CHAP_MD5, "fixed");
        assertThat(link.pool).containsExactly(POOL1); // no lease taken
        AuthRequest.ChapRequest req = (AuthRequest.ChapRequest) link.authenticator.requests.getFirst();
        assertThat(req.challenge()).hasSize(16);
    }

    @Test
    void msChapV2ReachesUpAndPeerVerifiesS() {
        Link link = new Link(AuthProtocol.MSCHAP_V2, "alice", "secret1");
        link.start();
        link.run(true, 0);
        assertUp(link, POOL1, AuthProtocol.MSCHAP_V2, "alice");
        assertThat(link.lnsSink.up.authResult().flatMap(AuthResult.Accepted::msChapV2))
                .isPresent();
    }

    @Test
    void ipv6InterfaceIdsAgreeAfterUp() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(true, 0);
        // whichever of IPCP and IPv6CP opened first, both ends agree on identifiers
        assertThat(link.lns.ipv6cpState()).contains(State.OPENED);
    }

    @Test
    void wrongPasswordTakesBothDownWithReason() {
        for (AuthProtocol p : AuthProtocol.values()) {
            Link link = new Link(p, "alice", "nope");
            link.start();
            link.run(true, 10);
            assertThat(link.lnsSink.up).as(p.name()).isNull();
            assertThat(link.peerSink.up).as(p.name()).isNull();
            assertThat(link.lnsSink.down)
                    .as(p.name())
                    .contains("authentication failed")
                    .contains("wrong password");
            assertThat(link.peerSink.down).as(p.name()).contains("authenticator rejected us");
            assertThat(link.lns.phase()).isEqualTo(PppPhase.DEAD);
            assertThat(link.peer.phase()).isEqualTo(PppPhase.DEAD);
            assertThat(link.pool).containsExactly(POOL1);
        }
    }

    @Test
    void msChapV2FailureCarriesE691() {
        Link link = new Link(AuthProtocol.MSCHAP_V2, "alice", "nope");
        link.start();
        link.run(true, 10);
        assertThat(link.peerSink.down).contains("E=691");
    }

    @Test
    void asynchronousAuthenticationCompletesLaterAndDuplicatesAreIgnored() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.authenticator.async = true;
        link.start();
        link.run(true, 0);
        assertThat(link.authenticator.outstanding).hasSize(1);
        assertThat(link.lns.phase()).isEqualTo(PppPhase.AUTHENTICATE);
        // the peer retransmits its Authenticate-Request while the authenticator thinks: ignored
        link.clock.now = link.peerSink.deadline;
        link.peer.tick(link.clock.now);
        link.run(true, 0);
        assertThat(link.authenticator.requests).hasSize(1);
        assertThat(link.lnsSink.up).isNull();
        // completion arrives (as if on another thread) and is handed in later by the owner
        link.authenticator.completeAll();
        assertThat(link.lnsSink.authResults).hasSize(1);
        link.run(true, 0);
        assertUp(link, POOL1, AuthProtocol.PAP, "alice");
    }

    /**
     * On a slow link the LNS retransmits its Challenge while the peer's first Response is on its way
     * and being judged: the peer must answer the copy with the same Response, or the S= of the
     * LNS's Success (computed from the first) would not be the one the peer expects.
     */
    @Test
    void aRetransmittedMsChapV2ChallengeGetsTheSameResponse() {
        Link link = new Link(AuthProtocol.MSCHAP_V2, "alice", "secret1");
        link.authenticator.async = true;
        link.start();
        link.run(true, 0);
        assertThat(link.authenticator.outstanding).hasSize(1);
        PppFrame challenge = last(link.lnsSink.sent, PppFrame.CHAP);
        PppFrame response = last(link.peerSink.sent, PppFrame.CHAP);
        link.peer.receive(challenge, link.clock.now); // the copy
        assertThat(last(link.peerSink.sent, PppFrame.CHAP).information()).isEqualTo(response.information());
        link.authenticator.completeAll();
        link.run(true, 0);
        assertUp(link, POOL1, AuthProtocol.MSCHAP_V2, "alice");
    }

    private static PppFrame last(List<PppFrame> frames, int protocol) {
        return frames.stream()
                .filter(f -> f.protocol() == protocol)
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    @Test
    void staleAuthResultIsIgnored() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(false, 0);
        assertThat(link.lnsSink.authResults).hasSize(1);
        link.lns.onAuthResult(999, AuthResult.Accepted.plain(), link.clock.now);
        assertThat(link.lns.phase()).isEqualTo(PppPhase.AUTHENTICATE);
        link.run(true, 0);
        assertUp(link, POOL1, AuthProtocol.PAP, "alice");
    }

    @Test
    void poolExhaustedTerminates() {
        Link link = new Link(AuthProtocol.CHAP_MD5, "alice", "secret1");
        link.pool.clear();
        link.start();
        link.run(true, 10);
        assertThat(link.lnsSink.up).isNull();
        assertThat(link.lnsSink.down).isEqualTo("address pool exhausted");
        assertThat(link.peerSink.down).isNotNull();
        assertThat(link.lns.phase()).isEqualTo(PppPhase.DEAD);
    }

    @Test
    void unknownProtocolIsProtocolRejected() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(true, 0);
        link.lnsSink.sent.clear();
        byte[] ccp = new ControlPacket(ControlPacket.CONFIGURE_REQUEST, 7, new byte[0]).encode();
        link.lns.receive(new PppFrame(0x80FD, ccp), link.clock.now);
        PppFrame reject = link.lnsSink.sent.getFirst();
        assertThat(reject.protocol()).isEqualTo(PppFrame.LCP);
        ControlPacket p = ControlPacket.decode(reject.information());
        assertThat(p.code()).isEqualTo(ControlPacket.PROTOCOL_REJECT);
        assertThat(Arrays.copyOf(p.data(), 2)).containsExactly(0x80, 0xFD);
        assertThat(Arrays.copyOfRange(p.data(), 2, p.data().length)).containsExactly(ccp);
        // the peer takes it calmly: the session stays up
        link.run(true, 0);
        assertThat(link.lnsSink.down).isNull();
        assertThat(link.peerSink.down).isNull();
    }

    @Test
    void administrativeCloseTakesBothDown() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(true, 0);
        link.lns.close(link.clock.now, "admin reset");
        link.run(true, 10);
        assertThat(link.lnsSink.down).isEqualTo("admin reset");
        assertThat(link.peerSink.down).isNotNull();
        assertThat(link.peer.phase()).isEqualTo(PppPhase.DEAD);
    }

    private static Inet4Address ip(String s) {
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
