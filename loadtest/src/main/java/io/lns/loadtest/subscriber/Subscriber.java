package io.lns.loadtest.subscriber;

import io.lns.loadtest.ip.IcmpEcho;
import io.lns.loadtest.ip.IpStack;
import io.lns.loadtest.ip.Ipv4;
import io.lns.loadtest.ip.ProbeStream;
import io.lns.loadtest.lac.Failure;
import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpConfig;
import io.lns.ppp.session.PppPhase;
import io.lns.ppp.session.PppSession;
import io.lns.ppp.session.PppSessionConfig;
import io.lns.ppp.session.PppSessionSink;
import io.lns.ppp.session.SessionInfo;
import java.net.Inet4Address;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * One simulated subscriber behind a call: a PPP client ({@link PppSession} in the peer role) and,
 * once IPCP is up, a tiny IP stack that answers pings and sends the configured probes. Sans-IO and
 * single-threaded like the tunnel that owns it: frames in through {@link #receive}, timers through
 * {@link #tick} at {@link #nextWakeup}, everything out through {@link Events}.
 *
 * <p>Timestamps are kept so the report can split setup into LCP, authentication and IPCP.
 */
public final class Subscriber {
    public static final long NEVER = Long.MAX_VALUE;
    /** Spoofed source addresses come from 198.18.0.0/15 (RFC 2544 benchmarking), never a subscriber's. */
    private static final int SPOOF_BASE = 0xC6120000;

    public enum State {
        /** Waiting for the call to be up. */
        WAITING,
        /** PPP negotiating. */
        STARTING,
        /** IPCP opened. */
        UP,
        /** PPP ended, failed, or the call went away. */
        ENDED
    }

    /** What a subscriber reports to its owner, on the owner's thread. */
    public interface Events {
        /** A PPP frame to send in a data message of the call. */
        void transmit(Subscriber s, PppFrame frame);

        /** IPCP opened. */
        void up(Subscriber s);

        /** IPv6CP opened. */
        void ipv6Up(Subscriber s);

        /** PPP ended before IPCP opened (or the setup timed out). */
        void failed(Subscriber s, Failure why);

        /** PPP ended after IPCP had opened. */
        void down(Subscriber s, Failure why);

        /** Every probe sent and answered or given up on. */
        void dataDone(Subscriber s);
    }

    private final long index;
    private final SubscriberConfig config;
    private final DataTally tally;
    private final Events events;
    private final PppSession ppp;
    private final String user;
    private final ProxyDial proxy;

    private State state = State.WAITING;
    private boolean stopping;
    private PppPhase reached = PppPhase.DEAD;
    /** A PAP Nak or CHAP Failure arrived: with proxy authentication PPP itself may not be listening. */
    private boolean rejectSeen;

    private long pppDeadline = NEVER;
    private long setupDeadline = NEVER;
    private long clock;

    private long startedAt = -1;
    private long lcpUpAt = -1;
    private long authDoneAt = -1;
    private long ipcpUpAt = -1;
    private long ipv6UpAt = -1;
    private SessionInfo info;

    private IpStack ip;
    private ProbeStream ping;
    private ProbeStream udp;
    private boolean dataReported;

    /**
     * @param index the global session index (from 1): names the user, picks the protocol with
     *     {@link AuthChoice#MIX}, and identifies its probes
     */
    public Subscriber(long index, SubscriberConfig config, Events events, RandomGenerator random) {
        this(index, config, null, new DataTally(), events, random);
    }

    /** @param proxy what the LAC negotiated with this subscriber before the call, or null */
    Subscriber(
            long index,
            SubscriberConfig config,
            ProxyDial proxy,
            DataTally tally,
            Events events,
            RandomGenerator random) {
        this.index = index;
        this.proxy = proxy;
        this.config = config;
        this.tally = tally;
        this.events = events;
        this.user = config.userName(index);
        PppSessionConfig ppp = PppSessionConfig.peer(
                        LcpConfig.peer(config.mru(), config.auth().accepted(index)),
                        user,
                        config.password(),
                        config.requestDns())
                .withIpv6(config.ipv6());
        this.ppp = new PppSession(ppp, new Sink(), random);
    }

    /** The call is up: start LCP. Once only. */
    public void start(long now) {
        clock = now;
        if (state != State.WAITING) return;
        state = State.STARTING;
        startedAt = now;
        setupDeadline = now + config.pppTimeout().toNanos();
        if (proxy == null) ppp.start(now);
        else ppp.start(now, Optional.of(proxy.lcp()), proxy.auth());
    }

    /** A PPP frame from the LNS. */
    public void receive(PppFrame frame, long now) {
        clock = now;
        if (state == State.STARTING) noteReject(frame);
        if (state == State.STARTING || state == State.UP) ppp.receive(frame, now);
    }

    private void noteReject(PppFrame frame) {
        int protocol = frame.protocol();
        if (protocol != PppFrame.PAP && protocol != PppFrame.CHAP) return;
        byte[] info = frame.information();
        int failureCode = protocol == PppFrame.PAP ? 3 : 4; // PAP Authenticate-Nak, CHAP Failure
        if (info.length > 0 && info[0] == failureCode) rejectSeen = true;
    }

    public void tick(long now) {
        clock = now;
        if (state == State.ENDED) return;
        if (now >= pppDeadline) ppp.tick(now);
        if (state == State.STARTING && now >= setupDeadline) {
            String where = switch (reached) {
                case DEAD, ESTABLISH -> "LCP";
                case AUTHENTICATE -> "authentication";
                default -> "IPCP";
            };
            end(now, "setup timed out");
            Failure f = reached == PppPhase.AUTHENTICATE
                    ? Failure.of(Failure.Kind.PPP_AUTH, "timed out")
                    : Failure.of(
                            Failure.Kind.TIMEOUT,
                            "PPP not up within " + seconds(config.pppTimeout().toNanos()) + " (stuck in " + where
                                    + ")");
            events.failed(this, f);
            return;
        }
        if (ping != null) ping.tick(now);
        if (udp != null) udp.tick(now);
        checkDataDone();
    }

    /** When {@link #tick} next has something to do, or {@link #NEVER}. */
    public long nextWakeup() {
        if (state == State.ENDED || state == State.WAITING) return NEVER;
        long t = pppDeadline;
        if (state == State.STARTING) t = Math.min(t, setupDeadline);
        if (ping != null) t = Math.min(t, ping.nextWakeup());
        if (udp != null) t = Math.min(t, udp.nextWakeup());
        return t;
    }

    /** The call is gone (CDN, tunnel down, our teardown): stop silently, no events. */
    public void stop(long now, String reason) {
        clock = now;
        if (state == State.ENDED) return;
        end(now, reason);
    }

    /** Ends everything; {@code reason} non-null tells PPP its lower layer went (it is silent then). */
    private void end(long now, String reason) {
        boolean running = state == State.STARTING || state == State.UP;
        state = State.ENDED;
        stopping = true;
        if (running && reason != null) ppp.lowerLayerDown(now, reason);
        if (ping != null) ping.stop();
        if (udp != null) udp.stop();
        pppDeadline = NEVER;
    }

    // ---------------------------------------------------------------- queries

    public long index() {
        return index;
    }

    public String user() {
        return user;
    }

    public State state() {
        return state;
    }

    /** When PPP started, or -1. */
    public long startedAt() {
        return startedAt;
    }

    /** When LCP opened, or -1. */
    public long lcpUpAt() {
        return lcpUpAt;
    }

    /** When authentication succeeded, or -1 (also when the LNS asked for none). */
    public long authDoneAt() {
        return authDoneAt;
    }

    public long ipcpUpAt() {
        return ipcpUpAt;
    }

    public long ipv6UpAt() {
        return ipv6UpAt;
    }

    /** Our IPv4 address once IPCP is up. */
    public Optional<Inet4Address> address() {
        return Optional.ofNullable(info).map(SessionInfo::localAddress);
    }

    /** The LNS's own IPCP address once IPCP is up, if it gave one. */
    public Optional<Inet4Address> gateway() {
        return Optional.ofNullable(info).map(SessionInfo::peerAddress);
    }

    public Optional<Inet4Address> primaryDns() {
        return info == null ? Optional.empty() : info.primaryDns();
    }

    /** The authentication protocol the LNS asked for, if any. */
    public Optional<AuthProtocol> authMethod() {
        return info == null ? Optional.empty() : info.authMethod();
    }

    /** Whether this subscriber sends probes of its own once up. */
    public boolean sendsProbes() {
        return config.pingTarget() != null || config.udpTarget() != null;
    }

    @Override
    public String toString() {
        return "Subscriber[" + index + " " + user + ", " + state + "]";
    }

    // ---------------------------------------------------------------- data plane

    private void dataUp(long now) {
        int ours = Ipv4.toInt(info.localAddress());
        ip = new IpStack(ours, d -> events.transmit(this, new PppFrame(PppFrame.IPV4, d)), (int) index, tally.ip);
        int gw = info.peerAddress() == null ? 0 : Ipv4.toInt(info.peerAddress());
        Integer pingTo = target(config.pingTarget(), gw);
        Integer udpTo = target(config.udpTarget(), gw);
        if (pingTo != null) {
            ping = new ProbeStream(
                    ProbeStream.Kind.ICMP_ECHO,
                    ip,
                    pingTo,
                    0,
                    0,
                    (int) index,
                    config.pingCount(),
                    interval(config.pingRate()),
                    config.replyTimeout().toNanos(),
                    0,
                    tally);
        }
        if (udpTo != null) {
            udp = new ProbeStream(
                    ProbeStream.Kind.UDP,
                    ip,
                    udpTo,
                    config.udpPort(),
                    1024 + (int) Math.floorMod(index, 64000L),
                    (int) index,
                    config.udpCount(),
                    interval(config.udpRate()),
                    config.replyTimeout().toNanos(),
                    config.udpSize(),
                    tally);
        }
        Integer spoofTo = pingTo != null ? pingTo : udpTo != null ? udpTo : gw != 0 ? Integer.valueOf(gw) : null;
        if (spoofTo != null) {
            int source = SPOOF_BASE + (int) Math.floorMod(index, 0x20000L);
            byte[] data = new byte[ProbeStream.ICMP_DATA];
            for (int i = 0; i < config.spoof(); i++) {
                ip.sendIcmp(source, spoofTo, new IcmpEcho(false, (int) index & 0xFFFF, 0x8000 | (i & 0x7FFF), data));
                tally.spoofedSent++;
            }
        }
        if (ping != null) ping.start(now);
        if (udp != null) udp.start(now);
    }

    /** The target as an int, the gateway for {@link SubscriberConfig#GATEWAY}; null when none. */
    private static Integer target(Inet4Address configured, int gateway) {
        if (configured == null) return null;
        int t = Ipv4.toInt(configured);
        if (t != 0) return t;
        return gateway != 0 ? gateway : null;
    }

    private static long interval(double rate) {
        return Math.max(1, Math.round(1e9 / rate));
    }

    private void checkDataDone() {
        if (dataReported || state != State.UP || !sendsProbes()) return;
        if ((ping == null || ping.done()) && (udp == null || udp.done())) {
            dataReported = true;
            events.dataDone(this);
        }
    }

    private static String seconds(long nanos) {
        double s = nanos / 1e9;
        return (s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s)) + " s";
    }

    /** Sorts the PPP client's reason for ending into a failure the report can group. */
    private Failure failure(String reason) {
        String r = reason == null ? "closed" : reason;
        if (r.startsWith("authenticator rejected us") || (rejectSeen && state != State.UP)) {
            // the LNS's message may name the user or carry a challenge: group by the MS-CHAP error only
            int e = r.indexOf("E=");
            String code = e < 0 ? "" : " (" + r.substring(e).split(" ", 2)[0] + ")";
            return Failure.of(Failure.Kind.PPP_AUTH, "rejected by the LNS" + code);
        }
        if (reached == PppPhase.AUTHENTICATE) return Failure.of(Failure.Kind.PPP_AUTH, r);
        String layer = reached == PppPhase.NETWORK ? (state == State.UP ? "" : "IPCP: ") : "LCP: ";
        return Failure.of(Failure.Kind.PPP, layer + r);
    }

    // ---------------------------------------------------------------- PPP output

    private final class Sink implements PppSessionSink {
        @Override
        public void sendFrame(int protocol, byte[] information) {
            if (state == State.ENDED) return;
            events.transmit(Subscriber.this, new PppFrame(protocol, information));
        }

        @Override
        public void timerWanted(long deadline) {
            pppDeadline = deadline;
        }

        @Override
        public void phaseChanged(PppPhase from, PppPhase to) {
            if (to == PppPhase.AUTHENTICATE || (to == PppPhase.NETWORK && from == PppPhase.ESTABLISH)) {
                lcpUpAt = clock;
            }
            if (to == PppPhase.NETWORK && from == PppPhase.AUTHENTICATE) authDoneAt = clock;
            if (to.ordinal() > reached.ordinal() && to != PppPhase.TERMINATE) reached = to;
        }

        @Override
        public void sessionUp(SessionInfo i) {
            if (state != State.STARTING) return;
            info = i;
            ipcpUpAt = clock;
            state = State.UP;
            events.up(Subscriber.this);
            if (state == State.UP) {
                dataUp(clock);
                checkDataDone();
            }
        }

        @Override
        public void ipv6Up(long localInterfaceId, long peerInterfaceId) {
            if (state != State.STARTING && state != State.UP) return;
            ipv6UpAt = clock;
            events.ipv6Up(Subscriber.this);
        }

        @Override
        public void sessionDown(String reason) {
            if (stopping) return;
            State was = state;
            Failure f = failure(reason);
            end(clock, null); // PPP is dead already
            if (was == State.UP) events.down(Subscriber.this, f);
            else events.failed(Subscriber.this, f);
        }

        @Override
        public void dataFrame(PppFrame frame) {
            // IPv6 datagrams are dropped: the tiny stack speaks IPv4 only (IPv6CP runs for its own sake)
            if (frame.protocol() == PppFrame.IPV4 && ip != null) ip.receive(frame.information(), clock);
        }

        @Override
        public void authResultReady(long token, AuthResult result) {
            // peer role: PppSession never asks an Authenticator
        }
    }
}
