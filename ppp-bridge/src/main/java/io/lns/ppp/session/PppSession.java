package io.lns.ppp.session;

import io.lns.ppp.auth.AuthDecodeException;
import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.auth.MsChapV2;
import io.lns.ppp.auth.PapMessages;
import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppDecodeException;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.fsm.FsmSink;
import io.lns.ppp.fsm.State;
import io.lns.ppp.ipcp.Ipcp;
import io.lns.ppp.ipcp.IpcpConfig;
import io.lns.ppp.ipv6cp.Ipv6cp;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.Lcp;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyAuthType;
import io.lns.ppp.proxy.ProxyLcp;
import io.lns.ppp.proxy.ProxyOutcome;
import io.lns.ppp.proxy.ProxyPolicy;
import io.lns.ppp.session.PppSessionConfig.Role;
import io.netty.buffer.Unpooled;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * One PPP link, Sans-IO: LCP, authentication (PAP, CHAP-MD5, MS-CHAPv2 — authenticator or peer
 * role), then IPCP and optionally IPv6CP, through the phases of RFC 1661 §3.2. Every event takes the
 * owner's clock {@code now} (nanoseconds); output goes to a {@link PppSessionSink}. Not thread-safe:
 * the owner calls it from one thread. The authenticator role asks the configured {@code
 * Authenticator}, whose answer comes back through {@link PppSessionSink#authResultReady} and must be
 * handed in with {@link #onAuthResult}.
 *
 * <p>Proxy LCP and proxy authentication (RFC 2661 §4.4.5): {@link #start(long, Optional, Optional)}
 * takes what the LAC agreed with the subscriber. The authenticator opens LCP on it without a packet
 * when our own option handlers would have agreed the same, and hands the LAC's authentication to the
 * {@code Authenticator} in place of a challenge; otherwise it negotiates as usual. The peer role
 * (the load tester's subscriber behind a LAC) opens on the same agreement from the other side.
 */
public final class PppSession {
    private final PppSessionConfig config;
    private final PppSessionSink sink;
    private final RandomGenerator random;
    private final Lcp lcp;
    private final PppCounters counters = new PppCounters();
    private Ipcp ipcp;
    private Ipv6cp ipv6cp;

    private PppPhase phase = PppPhase.DEAD;
    private String downReason;
    private boolean downReported;
    private boolean started;

    private long lcpDeadline = Long.MAX_VALUE;
    private long ipcpDeadline = Long.MAX_VALUE;
    private long ipv6Deadline = Long.MAX_VALUE;
    private long authDeadline = Long.MAX_VALUE;
    private long reportedDeadline = Long.MAX_VALUE;
    private long clock;
    private boolean pendingClose;

    // ---- authentication state ----
    private AuthProtocol authMethod;
    private String user;
    private int authId;
    private int authRetries;
    private byte[] challenge;
    private long pendingToken;
    private boolean pending;
    private int pendingId = -1;
    private int answeredId = -1;
    private byte[] lastReply; // the Ack/Nak or Success/Failure we sent, for a retransmitted request
    private PeerAuth peerAuth; // peer role, during the auth phase
    private AuthResult.Accepted accepted;
    private PppFrame heldIpcp;
    private PppFrame heldIpv6cp;
    private Inet4Address assigned;

    // ---- proxy (RFC 2661 §4.4.5) ----
    private ProxyAuth offeredAuth; // authenticator: the LAC's authentication, used when LCP opens on proxy
    private boolean authProxied; // authenticator: the current exchange is the LAC's
    private boolean peerAuthenticatedByLac; // peer: the LAC authenticated us, skip the auth phase

    public PppSession(PppSessionConfig config, PppSessionSink sink, RandomGenerator random) {
        this.config = config;
        this.sink = sink;
        this.random = random;
        this.lcp = new Lcp(config.lcp(), new LcpSink(), random::nextInt);
        lcp.onProtocolReject(this::protocolRejected);
    }

    public PppPhase phase() {
        return phase;
    }

    public State lcpState() {
        return lcp.state();
    }

    /** The MRU the peer asked for (what we may send it), 1500 when it asked for none. */
    public int peerMru() {
        return lcp.peerMru();
    }

    public Optional<State> ipcpState() {
        return Optional.ofNullable(ipcp).map(Ipcp::state);
    }

    public Optional<State> ipv6cpState() {
        return Optional.ofNullable(ipv6cp).map(Ipv6cp::state);
    }

    /** What the session counted so far. */
    public PppStats stats() {
        return counters.snapshot(lcp);
    }

    /** The lower layer (the L2TP session) is up: start LCP. No proxy LCP. */
    public void start(long now) {
        start(now, Optional.empty(), Optional.empty());
    }

    /**
     * The lower layer is up, with what the LAC agreed with the subscriber, if anything. Authenticator
     * role: under {@link ProxyPolicy#ACCEPT}, an acceptable proxy LCP opens LCP without a packet and a
     * fitting proxy authentication goes to the authenticator at once; anything else negotiates LCP
     * from scratch. Peer role: LCP opens on {@code proxyLcp} seen from the subscriber's side (ours =
     * its last received, the peer's = its last sent), and a proxy authentication other than {@link
     * ProxyAuthType#NONE} means the LAC authenticated us already. The path taken is reported once
     * through {@link PppSessionSink#proxyOutcome}.
     */
    public void start(long now, Optional<ProxyLcp> proxyLcp, Optional<ProxyAuth> proxyAuth) {
        clock = now;
        if (started) return;
        started = true;
        setPhase(PppPhase.ESTABLISH);
        boolean authenticator = config.role() == Role.AUTHENTICATOR;
        ProxyOutcome outcome;
        if (proxyLcp.isEmpty()) {
            outcome = ProxyOutcome.NOT_OFFERED;
        } else if (authenticator && config.proxyPolicy() == ProxyPolicy.RENEGOTIATE) {
            outcome = ProxyOutcome.RENEGOTIATED_BY_POLICY;
        } else {
            ProxyLcp p = proxyLcp.get();
            if (authenticator) {
                offeredAuth = proxyAuth.orElse(null);
            } else {
                peerAuthenticatedByLac =
                        proxyAuth.filter(a -> a.type() != ProxyAuthType.NONE).isPresent();
            }
            // layerUp runs inside adopt: the authenticator asks about the LAC's authentication there
            Optional<String> refusal = authenticator
                    ? lcp.adopt(p.lastSent(), p.lastReceived(), now)
                    : lcp.adopt(p.lastReceived(), p.lastSent(), now);
            offeredAuth = null;
            outcome = refusal.<ProxyOutcome>map(ProxyOutcome.RenegotiatedUnacceptable::new)
                    .orElseGet(() -> new ProxyOutcome.Accepted(authenticator ? authProxied : peerAuthenticatedByLac));
            if (refusal.isPresent()) peerAuthenticatedByLac = false;
        }
        sink.proxyOutcome(outcome);
        if (lcp.state() == State.INITIAL) {
            lcp.open(now);
            lcp.up(now);
        }
        reportTimer();
    }

    /** Administrative close: LCP Terminate-Request, then Dead. */
    public void close(long now, String reason) {
        clock = now;
        noteReason(reason);
        if (phase != PppPhase.DEAD) setPhase(PppPhase.TERMINATE);
        lcp.close(now, reason);
        reportTimer();
    }

    /** The lower layer went away: everything stops at once. */
    public void lowerLayerDown(long now, String reason) {
        clock = now;
        noteReason(reason);
        networkDown(now);
        lcp.down(now);
        stopAuth();
        dead();
        reportTimer();
    }

    /** A PPP frame arrived. */
    public void receive(PppFrame frame, long now) {
        clock = now;
        counters.received();
        switch (frame.protocol()) {
            case PppFrame.LCP -> {
                if (lcp.state() == State.INITIAL || lcp.state() == State.STARTING) wrongPhase();
                else {
                    long rtt = lcp.lastEchoRoundTrip();
                    control(frame).ifPresent(p -> lcp.receive(p, now));
                    if (lcp.lastEchoRoundTrip() != rtt) sink.echoRoundTrip(lcp.lastEchoRoundTrip());
                }
            }
            case PppFrame.PAP -> {
                if (phase == PppPhase.AUTHENTICATE) pap(frame.information(), now);
                else wrongPhase();
            }
            case PppFrame.CHAP -> {
                if (phase == PppPhase.AUTHENTICATE || phase == PppPhase.NETWORK) chap(frame.information(), now);
                else wrongPhase();
            }
            case PppFrame.IPCP -> {
                if (phase == PppPhase.NETWORK && ipcp != null) control(frame).ifPresent(p -> ipcp.receive(p, now));
                else if (phase == PppPhase.AUTHENTICATE) heldIpcp = frame;
                else wrongPhase();
            }
            case PppFrame.IPV6CP -> {
                if (!config.ipv6()) {
                    unknownProtocol(frame, now);
                } else if (phase == PppPhase.NETWORK && ipv6cp != null) {
                    control(frame).ifPresent(p -> ipv6cp.receive(p, now));
                } else if (phase == PppPhase.AUTHENTICATE) {
                    heldIpv6cp = frame;
                } else {
                    wrongPhase();
                }
            }
            case PppFrame.IPV4 -> {
                if (ipcp != null && ipcp.state() == State.OPENED) sink.dataFrame(frame);
                else wrongPhase();
            }
            case PppFrame.IPV6 -> {
                if (ipv6cp != null && ipv6cp.state() == State.OPENED) sink.dataFrame(frame);
                else if (!config.ipv6()) unknownProtocol(frame, now);
                else wrongPhase();
            }
            default -> unknownProtocol(frame, now);
        }
        reportTimer();
    }

    private void wrongPhase() {
        counters.bad(PppStats.BadFrame.WRONG_PHASE);
    }

    private void unknownProtocol(PppFrame frame, long now) {
        counters.bad(PppStats.BadFrame.UNKNOWN_PROTOCOL);
        lcp.rejectProtocol(frame, now);
    }

    /** Drives every timer; call at or after the last {@link PppSessionSink#timerWanted} deadline. */
    public void tick(long now) {
        clock = now;
        lcp.tick(now);
        if (ipcp != null) ipcp.tick(now);
        if (ipv6cp != null) ipv6cp.tick(now);
        if (now >= authDeadline) authTimeout(now);
        if (peerAuth != null) peerAuth.tick(now);
        reportTimer();
    }

    /** The answer to authentication request {@code token}; stale tokens are ignored. */
    public void onAuthResult(long token, AuthResult result, long now) {
        clock = now;
        if (!pending || token != pendingToken || phase != PppPhase.AUTHENTICATE) {
            return;
        }
        pending = false;
        answeredId = pendingId;
        authDeadline = Long.MAX_VALUE;
        switch (result) {
            case AuthResult.Accepted a -> {
                accepted = a;
                reply(successPacket(a));
                network(now);
            }
            case AuthResult.Rejected r -> {
                reply(failurePacket());
                close(
                        now,
                        (authProxied ? "proxy authentication rejected for " : "authentication failed for ") + user
                                + ": " + r.reason());
            }
        }
        reportTimer();
    }

    // ---------------------------------------------------------------- phases

    private void lcpUp(long now) {
        if (config.role() == Role.AUTHENTICATOR) {
            Optional<AuthProtocol> agreed = lcp.agreedAuth();
            if (agreed.isEmpty() && !config.lcp().requestAuth().isEmpty()) {
                close(now, "peer refused every authentication protocol");
                return;
            }
            authMethod = agreed.orElse(null);
        } else {
            authMethod = lcp.peerRequiresAuth().orElse(null);
            user = config.user();
        }
        ProxyAuth proxied = offeredAuth;
        offeredAuth = null; // only for the LCP agreement it came with
        if (authMethod == null || peerAuthenticatedByLac) {
            network(now);
            return;
        }
        setPhase(PppPhase.AUTHENTICATE);
        authRetries = config.ncpFsm().maxConfigure();
        answeredId = -1;
        pendingId = -1;
        lastReply = null;
        authProxied = false;
        Optional<AuthRequest> proxyRequest = proxied == null ? Optional.empty() : proxied.asRequestFor(authMethod);
        if (proxyRequest.isPresent()) {
            // the subscriber answered the LAC's challenge (or sent it its password): judge that answer,
            // and reply to it with the LAC's identifier, as if the exchange had been ours
            authProxied = true;
            authId = proxied.id();
            challenge = proxied.challenge();
            user = proxyRequest.get().user();
            pendingId = authId;
            ask(proxyRequest.get());
        } else if (config.role() == Role.AUTHENTICATOR) {
            if (authMethod == AuthProtocol.PAP) {
                armAuthTimer(
                        now,
                        config.ncpFsm().restartTimer().toNanos()
                                * config.ncpFsm().maxConfigure());
            } else {
                authId = random.nextInt(256);
                challenge = new byte[MsChapV2.CHALLENGE_LENGTH];
                random.nextBytes(challenge);
                sendChallenge(now);
            }
        } else {
            peerAuth = new PeerAuth(config, random, new PeerAuthSession(), authMethod);
            peerAuth.start(now);
        }
    }

    private void network(long now) {
        Inet4Address peerAddress = null;
        if (config.role() == Role.AUTHENTICATOR) {
            Optional<Inet4Address> fixed = accepted == null ? Optional.empty() : accepted.address();
            Optional<Inet4Address> address = fixed.isPresent() ? fixed : sink.leaseAddress();
            if (address.isEmpty()) {
                close(now, "address pool exhausted");
                return;
            }
            peerAddress = address.get();
            assigned = peerAddress;
        }
        setPhase(PppPhase.NETWORK);
        Inet4Address a = peerAddress;
        IpcpConfig ipcpConfig = config.role() == Role.AUTHENTICATOR
                ? IpcpConfig.server(config.gateway(), () -> a, config.primaryDns(), config.secondaryDns())
                : IpcpConfig.client(config.requestDns());
        ipcp = new Ipcp(ipcpConfig.withFsm(config.ncpFsm()), new IpcpSink());
        ipcp.open(now);
        ipcp.up(now);
        if (config.ipv6()) {
            ipv6cp = new Ipv6cp(config.ncpFsm(), new Ipv6cpSink(), random::nextLong);
            ipv6cp.open(now);
            ipv6cp.up(now);
        }
        replayHeld(now);
    }

    /**
     * A peer whose authentication finished elsewhere (the LAC's, with proxy auth) or whose PAP Ack
     * crossed our slower authenticator sends its NCP requests while we still authenticate. RFC 1661
     * would discard them and cost the peer a restart timer (3 s); the last of each is replayed
     * once the network phase starts.
     */
    private void replayHeld(long now) {
        PppFrame v4 = heldIpcp;
        PppFrame v6 = heldIpv6cp;
        heldIpcp = null;
        heldIpv6cp = null;
        if (v4 != null && ipcp != null) control(v4).ifPresent(p -> ipcp.receive(p, now));
        if (v6 != null && ipv6cp != null) control(v6).ifPresent(p -> ipv6cp.receive(p, now));
    }

    private void networkDown(long now) {
        heldIpcp = null;
        heldIpv6cp = null;
        if (ipcp != null) ipcp.down(now);
        if (ipv6cp != null) ipv6cp.down(now);
        ipcp = null;
        ipv6cp = null;
        ipcpDeadline = Long.MAX_VALUE;
        ipv6Deadline = Long.MAX_VALUE;
    }

    private void dead() {
        if (phase != PppPhase.DEAD) setPhase(PppPhase.DEAD);
        pending = false;
        if (!downReported && started) {
            downReported = true;
            sink.sessionDown(downReason == null ? "closed" : downReason);
        }
    }

    private void protocolRejected(int protocol) {
        if (protocol == PppFrame.IPV6CP && ipv6cp != null) {
            ipv6cp.close(clock, "peer rejected IPv6CP");
        } else if (protocol == PppFrame.IPCP) {
            noteReason("peer rejected IPCP");
            pendingClose = true;
        }
    }

    private void setPhase(PppPhase next) {
        if (next == phase) return;
        PppPhase from = phase;
        phase = next;
        sink.phaseChanged(from, next);
    }

    private void noteReason(String reason) {
        if (downReason == null && reason != null) downReason = reason;
    }

    // ---------------------------------------------------------------- PAP

    private void pap(byte[] info, long now) {
        PapMessages.Packet packet;
        try {
            packet = PapMessages.decode(Unpooled.wrappedBuffer(info));
        } catch (AuthDecodeException e) {
            counters.undecodable(info, PapMessages.AUTHENTICATE_NAK);
            return;
        }
        if (authMethod != AuthProtocol.PAP) {
            wrongPhase();
            return;
        }
        if (config.role() == Role.AUTHENTICATOR) {
            if (!(packet instanceof PapMessages.Request req)) return;
            if (pending) return; // duplicate while the authenticator thinks
            if (req.identifier() == answeredId && lastReply != null) {
                send(PppFrame.PAP, lastReply);
                return;
            }
            pendingId = req.identifier();
            user = req.peerIdString();
            authProxied = false;
            ask(new AuthRequest.PapRequest(user, req.password()));
        } else if (peerAuth != null) {
            peerAuth.pap(packet, now);
        }
    }

    // ---------------------------------------------------------------- CHAP and MS-CHAPv2

    private void chap(byte[] info, long now) {
        Chap.Packet packet;
        try {
            packet = Chap.decode(Unpooled.wrappedBuffer(info));
        } catch (AuthDecodeException e) {
            counters.undecodable(info, Chap.FAILURE);
            return;
        }
        if (authMethod != AuthProtocol.CHAP_MD5 && authMethod != AuthProtocol.MSCHAP_V2) {
            wrongPhase();
            return;
        }
        if (config.role() == Role.AUTHENTICATOR) {
            if (!(packet instanceof Chap.Response resp) || resp.identifier() != authId) return;
            if (pending) return;
            if (answeredId == authId && lastReply != null) {
                send(PppFrame.CHAP, lastReply); // our Success/Failure was lost
                return;
            }
            if (phase != PppPhase.AUTHENTICATE) return;
            authDeadline = Long.MAX_VALUE;
            user = resp.nameString();
            pendingId = resp.identifier();
            authProxied = false;
            if (authMethod == AuthProtocol.CHAP_MD5) {
                ask(new AuthRequest.ChapRequest(user, authId, challenge, resp.value()));
            } else {
                MsChapV2.ResponseValue v;
                try {
                    v = MsChapV2.ResponseValue.decode(resp.value());
                } catch (RuntimeException e) {
                    counters.bad(PppStats.BadFrame.BAD_CONTENT);
                    return;
                }
                ask(new AuthRequest.MsChapV2Request(user, challenge, v.peerChallenge(), v.ntResponse()));
            }
        } else if (peerAuth != null && phase == PppPhase.AUTHENTICATE) {
            peerAuth.chap(packet, now);
        }
    }

    private void sendChallenge(long now) {
        authRetries--;
        send(
                PppFrame.CHAP,
                new Chap.Challenge(authId, challenge, config.hostName().getBytes(StandardCharsets.UTF_8)).encode());
        armAuthTimer(now, config.ncpFsm().restartTimer().toNanos());
    }

    // ---------------------------------------------------------------- authenticator plumbing

    private void ask(AuthRequest request) {
        pending = true;
        long token = ++pendingToken;
        authDeadline = Long.MAX_VALUE;
        config.authenticator()
                .authenticate(request)
                .whenComplete((r, e) -> sink.authResultReady(
                        token, e != null ? new AuthResult.Rejected("authenticator error: " + e) : r));
    }

    private byte[] successPacket(AuthResult.Accepted a) {
        return switch (authMethod) {
            case PAP -> new PapMessages.Ack(answeredId, "Login ok").encode();
            case CHAP_MD5 -> new Chap.Success(answeredId, "Welcome").encode();
            case MSCHAP_V2 ->
                new Chap.Success(
                                answeredId,
                                MsChapV2.successMessage(
                                        a.msChapV2()
                                                .orElseThrow(() -> new IllegalStateException(
                                                        "authenticator accepted MS-CHAPv2 without an S= response"))
                                                .authenticatorResponse(),
                                        "Welcome"))
                        .encode();
        };
    }

    private byte[] failurePacket() {
        return switch (authMethod) {
            case PAP -> new PapMessages.Nak(answeredId, "Authentication failed").encode();
            case CHAP_MD5 -> new Chap.Failure(answeredId, "Authentication failed").encode();
            case MSCHAP_V2 ->
                new Chap.Failure(
                                answeredId,
                                MsChapV2.failureMessage(
                                        MsChapV2.ERROR_AUTHENTICATION_FAILURE,
                                        false,
                                        challenge,
                                        "Authentication failed"))
                        .encode();
        };
    }

    private void reply(byte[] packet) {
        lastReply = packet;
        send(authMethod == AuthProtocol.PAP ? PppFrame.PAP : PppFrame.CHAP, packet);
    }

    private void armAuthTimer(long now, long delay) {
        authDeadline = now + delay;
    }

    /** Leaving the auth phase by any door but success: no timer, no verdict awaited, no peer exchange. */
    private void stopAuth() {
        authDeadline = Long.MAX_VALUE;
        pending = false;
        peerAuth = null;
    }

    private void authTimeout(long now) {
        authDeadline = Long.MAX_VALUE;
        if (phase != PppPhase.AUTHENTICATE || pending) return;
        if (authRetries > 0 && authMethod != AuthProtocol.PAP) {
            sendChallenge(now); // PAP: the peer retransmits, we only wait
        } else {
            close(now, "authentication timed out");
        }
    }

    // ---------------------------------------------------------------- helpers

    private Optional<ControlPacket> control(PppFrame frame) {
        byte[] info = frame.information();
        try {
            return Optional.of(ControlPacket.decode(info));
        } catch (PppDecodeException e) {
            counters.undecodable(info, 0xFF); // any code gets as far as a Code-Reject
            return Optional.empty();
        }
    }

    /** Every frame the session sends goes through here, to be counted. */
    private void send(int protocol, byte[] information) {
        counters.sent();
        sink.sendFrame(protocol, information);
    }

    /** Control-protocol output: counted, and a Code-Reject means we received an unknown code. */
    private void sendControl(int protocol, ControlPacket packet) {
        if (packet.code() == ControlPacket.CODE_REJECT) counters.bad(PppStats.BadFrame.UNKNOWN_CODE);
        send(protocol, packet.encode());
    }

    private void reportTimer() {
        if (pendingClose) {
            pendingClose = false;
            close(clock, downReason);
            return;
        }
        long auth = Math.min(authDeadline, peerAuth == null ? Long.MAX_VALUE : peerAuth.deadline());
        long d = Math.min(Math.min(lcpDeadline, auth), Math.min(ipcpDeadline, ipv6Deadline));
        if (d != reportedDeadline) {
            reportedDeadline = d;
            sink.timerWanted(d);
        }
    }

    private SessionInfo info() {
        boolean server = config.role() == Role.AUTHENTICATOR;
        return new SessionInfo(
                server ? assigned : ipcp.peerAddress().orElse(null),
                ipcp.localAddress().orElse(server ? config.gateway() : null),
                ipcp.primaryDns(),
                ipcp.secondaryDns(),
                ipv6Opened() ? ipv6cp.localInterfaceId() : OptionalLong.empty(),
                ipv6Opened() ? ipv6cp.peerInterfaceId() : OptionalLong.empty(),
                Optional.ofNullable(user),
                Optional.ofNullable(authMethod),
                Optional.ofNullable(accepted));
    }

    private boolean ipv6Opened() {
        return ipv6cp != null && ipv6cp.state() == State.OPENED;
    }

    @Override
    public String toString() {
        return "PppSession[" + config.role() + ", " + phase + ", LCP " + lcp.state() + "]";
    }

    // ---------------------------------------------------------------- layer sinks

    private final class PeerAuthSession implements PeerAuth.Session {
        @Override
        public void send(int protocol, byte[] information) {
            PppSession.this.send(protocol, information);
        }

        @Override
        public void authenticated(long now) {
            peerAuth = null;
            network(now);
        }

        @Override
        public void refused(long now, String reason) {
            peerAuth = null;
            close(now, reason);
        }
    }

    /** Output of a control protocol's automaton: counted on the way out. */
    private abstract class ControlSink implements FsmSink {
        @Override
        public void send(int protocol, ControlPacket packet) {
            sendControl(protocol, packet);
        }

        @Override
        public void discarded(ControlPacket packet, String why) {
            counters.bad(PppStats.BadFrame.BAD_CONTENT);
        }
    }

    private final class LcpSink extends ControlSink {
        @Override
        public void timerWanted(long deadline) {
            lcpDeadline = deadline;
        }

        @Override
        public void layerUp() {
            lcpUp(clock());
        }

        @Override
        public void layerDown(String reason) {
            noteReason(reason);
            networkDown(clock());
            stopAuth();
            if (lcp.state() == State.CLOSING || lcp.state() == State.STOPPING) {
                setPhase(PppPhase.TERMINATE);
            } else if (config.role() == Role.PEER) {
                // the authenticator renegotiates (e.g. an LNS refusing proxy LCP): back to Establish, and
                // authenticate again once LCP reopens (RFC 1661 §3.2)
                peerAuthenticatedByLac = false;
                setPhase(PppPhase.ESTABLISH);
            } else {
                // the peer renegotiates LCP after it was up: this LNS does not re-authenticate a live link
                pendingClose = true;
            }
        }

        @Override
        public void layerFinished(String reason) {
            noteReason(reason);
            networkDown(clock());
            stopAuth();
            dead();
        }
    }

    private long clock() {
        return clock;
    }

    private final class IpcpSink extends ControlSink {
        @Override
        public void timerWanted(long deadline) {
            ipcpDeadline = deadline;
        }

        @Override
        public void layerUp() {
            sink.sessionUp(info());
        }

        @Override
        public void layerFinished(String reason) {
            if (phase == PppPhase.NETWORK) {
                noteReason("IPCP failed: " + reason);
                pendingClose = true;
            }
        }
    }

    private final class Ipv6cpSink extends ControlSink {
        @Override
        public void timerWanted(long deadline) {
            ipv6Deadline = deadline;
        }

        @Override
        public void layerUp() {
            sink.ipv6Up(
                    ipv6cp.localInterfaceId().orElse(0),
                    ipv6cp.peerInterfaceId().orElse(0));
        }
    }
}
