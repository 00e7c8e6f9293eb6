package io.lns.loadtest.run;

import io.lns.l2tp.control.TokenBucket;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.lac.LacListener;
import io.lns.loadtest.lac.LacSession;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.loadtest.run.LacTransport.TunnelCounters;
import io.lns.loadtest.run.LacTransport.TunnelHandle;
import io.lns.loadtest.subscriber.SubscriberCounters;
import io.lns.loadtest.subscriber.SubscriberListener;
import io.lns.loadtest.subscriber.SubscriberUp;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs one load test: starts the tunnels, then places calls on tunnels that are up (round robin),
 * keeping at most {@code concurrency} setups under way and pacing calls with a token bucket; holds;
 * tears down; builds the report.
 *
 * <p>All bookkeeping happens on the thread that calls {@link #run}: the tunnels' threads only post
 * their events to a queue, so nothing here is shared.
 */
public final class LoadRunner {
    private static final long MS = 1_000_000L;
    private static final long PROGRESS_EVERY = 1000 * MS;

    private enum Status {
        NEW,
        STARTING,
        UP,
        DOWN,
        CLOSED
    }

    private static final class TunnelRec {
        final int id;
        TunnelHandle handle;
        Status status = Status.NEW;
        int callsStarted;
        boolean tearingDown;

        TunnelRec(int id) {
            this.id = id;
        }
    }

    private static final class Tally {
        final String phase;
        final Failure sample;
        long count;

        Tally(String phase, Failure sample) {
            this.phase = phase;
            this.sample = sample;
        }
    }

    private final LoadOptions options;
    private final LacTransport transport;
    private final LongSupplier clock;
    private final PrintWriter progress;
    private final LinkedBlockingQueue<Runnable> events = new LinkedBlockingQueue<>();

    private final Map<Integer, TunnelRec> tunnels = new LinkedHashMap<>();
    private final ArrayDeque<TunnelRec> ready = new ArrayDeque<>();
    private final Map<String, Tally> failures = new LinkedHashMap<>();
    private final Map<String, Tally> disconnects = new LinkedHashMap<>();
    private final LatencyStats tunnelLatency = new LatencyStats();
    private final LatencyStats callLatency = new LatencyStats();
    private final SubscriberStats subscribers;

    private int inSetup;
    private int tunnelsUp;
    private int tunnelsFailed;
    private long callsUp;
    private long callsFailed;
    private long callsDown;
    private long serial;
    private long started;
    private long firstTunnelAt = -1;
    private long lastTunnelUpAt;
    private long firstCallAt = -1;
    private long lastCallUpAt;
    private long lastEventAt;
    private long nextProgressAt;

    private int teardownsPending;
    private long teardownTunnels;
    private long cdnSent;
    private long cdnAcked;
    private long stopccnSent;
    private long stopccnAcked;

    /**
     * @param progress where a progress line goes every second, or null for none
     */
    public LoadRunner(LoadOptions options, LacTransport transport, LongSupplier clock, PrintWriter progress) {
        this.options = options;
        this.transport = transport;
        this.clock = clock;
        this.progress = progress;
        this.subscribers = new SubscriberStats(options.subscribersOrNull());
    }

    public LoadReport run() throws InterruptedException {
        started = clock.getAsLong();
        lastEventAt = started;
        nextProgressAt = started + PROGRESS_EVERY;
        SubscriberListener listener = new Events();
        for (int i = 0; i < options.tunnels(); i++) {
            TunnelRec rec = new TunnelRec(options.firstTunnelId() + i);
            rec.handle = transport.open(i, rec.id, options.subscribersOrNull(), listener);
            tunnels.put(rec.id, rec);
        }

        setup();
        long setupEnd = clock.getAsLong();
        long holdUntil = setupEnd + options.hold().toNanos();
        // the hold lasts at least until the subscribers' probes are done, within what they can take
        long probesUntil = setupEnd + subscribers.probeAllowanceNanos();
        while (clock.getAsLong() < holdUntil || (subscribers.probesInFlight() && clock.getAsLong() < probesUntil)) {
            long until = clock.getAsLong() < holdUntil ? holdUntil : probesUntil;
            process(Math.min(Math.max(0, until - clock.getAsLong()), PROGRESS_EVERY));
            progress("hold");
        }
        long upAfterHold = callsUp - callsDown;

        long teardownStart = clock.getAsLong();
        teardown();
        double teardownSeconds = millis(clock.getAsLong() - teardownStart);

        TunnelCounters counters = collectCounters();
        SubscriberCounters data = collectSubscriberCounters();
        for (TunnelRec rec : tunnels.values()) rec.handle.close();
        return report(upAfterHold, teardownSeconds, counters, data);
    }

    // ---------------------------------------------------------------- phases

    private void setup() throws InterruptedException {
        int nextTunnel = 0;
        List<TunnelRec> order = new ArrayList<>(tunnels.values());
        TokenBucket bucket = TokenBucket.forRate(options.rate(), clock.getAsLong());
        long pppSetup = options.ppp() ? options.subscriber().pppTimeout().toNanos() : 0;
        long stallLimit = Math.max(
                        options.lac().tunnelSetupTimeout().toNanos(),
                        options.lac().callSetupTimeout().toNanos() + pppSetup)
                + 5000 * MS;
        while (!setupDone()) {
            long now = clock.getAsLong();
            while (nextTunnel < order.size() && inSetup < options.concurrency()) {
                TunnelRec rec = order.get(nextTunnel++);
                rec.status = Status.STARTING;
                inSetup++;
                if (firstTunnelAt < 0) firstTunnelAt = now;
                rec.handle.start();
            }
            while (inSetup < options.concurrency() && !ready.isEmpty() && bucket.tryTake(now)) {
                TunnelRec rec = ready.pollFirst();
                if (rec.status != Status.UP || rec.callsStarted >= options.callsPerTunnel()) {
                    bucket.refund();
                    continue;
                }
                rec.callsStarted++;
                inSetup++;
                if (firstCallAt < 0) firstCallAt = now;
                rec.handle.startCall(++serial, callingNumber(rec.id, rec.callsStarted));
                if (rec.callsStarted < options.callsPerTunnel()) ready.addLast(rec);
            }
            long wait = PROGRESS_EVERY;
            if (inSetup < options.concurrency() && !ready.isEmpty()) {
                wait = Math.min(wait, Math.max(bucket.nanosUntilToken(now), 100_000L));
            }
            process(wait);
            progress("setup");
            if (clock.getAsLong() - lastEventAt > stallLimit) {
                abandonSetup();
                return;
            }
        }
    }

    private boolean setupDone() {
        if (inSetup > 0 || !ready.isEmpty()) return false;
        for (TunnelRec rec : tunnels.values()) {
            if (rec.status == Status.NEW || rec.status == Status.STARTING) return false;
        }
        return true;
    }

    /** Nothing has happened for far longer than any timeout: count what is still open as failed. */
    private void abandonSetup() {
        Failure f = Failure.of(Failure.Kind.LOCAL, "no outcome reported (load tester stalled)");
        for (TunnelRec rec : tunnels.values()) {
            if (rec.status == Status.NEW || rec.status == Status.STARTING) {
                rec.status = Status.DOWN;
                tunnelsFailed++;
                tally(failures, "tunnel setup", f, 1);
            }
            long unstarted = options.callsPerTunnel() - rec.callsStarted;
            rec.callsStarted = options.callsPerTunnel();
            if (unstarted > 0) tally(failures, "session setup", f, unstarted);
            callsFailed += unstarted;
        }
        ready.clear();
    }

    private void teardown() throws InterruptedException {
        for (TunnelRec rec : tunnels.values()) {
            if (rec.status != Status.UP) continue;
            rec.tearingDown = true;
            teardownsPending++;
            rec.handle.teardown(options.teardown());
        }
        if (options.teardown()) teardownTunnels = teardownsPending;
        long limit = options.teardown() ? options.lac().teardownTimeout().toNanos() + 2000 * MS : 1000 * MS;
        long deadline = clock.getAsLong() + limit;
        while (teardownsPending > 0 && clock.getAsLong() < deadline) {
            process(Math.min(deadline - clock.getAsLong(), PROGRESS_EVERY));
            if (options.teardown()) progress("teardown");
        }
    }

    private TunnelCounters collectCounters() throws InterruptedException {
        TunnelCounters total = TunnelCounters.ZERO;
        for (TunnelRec rec : tunnels.values()) {
            try {
                total = total.plus(rec.handle.counters().get(2, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                // a tunnel whose thread is gone has nothing to count
            }
        }
        return total;
    }

    private SubscriberCounters collectSubscriberCounters() throws InterruptedException {
        SubscriberCounters total = SubscriberCounters.ZERO;
        for (TunnelRec rec : tunnels.values()) {
            try {
                total = total.plus(rec.handle.subscriberCounters().get(2, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                // a tunnel whose thread is gone has nothing to count
            }
        }
        return total;
    }

    // ---------------------------------------------------------------- events

    /** Runs queued events, waiting up to {@code nanos} for the first. */
    private void process(long nanos) throws InterruptedException {
        Runnable r = events.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        while (r != null) {
            r.run();
            lastEventAt = clock.getAsLong();
            r = events.poll();
        }
    }

    private final class Events implements SubscriberListener {
        @Override
        public void tunnelUp(LacTunnel tunnel, long latency) {
            int id = tunnel.localId();
            events.add(() -> onTunnelUp(id, latency));
        }

        @Override
        public void tunnelDown(LacTunnel tunnel, Failure why, boolean wasUp) {
            int id = tunnel.localId();
            events.add(() -> onTunnelDown(id, why, wasUp));
        }

        @Override
        public void callUp(LacSession session, long latency) {
            events.add(() -> onCallUp(latency));
        }

        @Override
        public void callFailed(LacSession session, Failure why) {
            long key = key(session);
            events.add(() -> {
                subscribers.ended(key);
                onCallFailed(why);
            });
        }

        @Override
        public void callDown(LacSession session, Failure why) {
            long key = key(session);
            events.add(() -> {
                subscribers.ended(key);
                onCallDown(why);
            });
        }

        @Override
        public void subscriberUp(LacSession session, SubscriberUp up) {
            long key = key(session);
            events.add(() -> subscribers.up(key, up));
        }

        @Override
        public void subscriberIpv6Up(LacSession session) {
            events.add(subscribers::ipv6Up);
        }

        @Override
        public void subscriberDataDone(LacSession session) {
            long key = key(session);
            events.add(() -> subscribers.dataDone(key));
        }

        private static long key(LacSession s) {
            return SubscriberStats.key(s.tunnel().localId(), s.localId());
        }

        @Override
        public void teardownDone(LacTunnel tunnel, TeardownResult result) {
            int id = tunnel.localId();
            events.add(() -> onTeardownDone(id, result));
        }
    }

    private void onTunnelUp(int id, long latency) {
        TunnelRec rec = tunnels.get(id);
        if (rec.status != Status.STARTING) return;
        rec.status = Status.UP;
        inSetup--;
        tunnelsUp++;
        tunnelLatency.add(latency);
        lastTunnelUpAt = clock.getAsLong();
        if (options.callsPerTunnel() > 0) ready.addLast(rec);
    }

    private void onTunnelDown(int id, Failure why, boolean wasUp) {
        TunnelRec rec = tunnels.get(id);
        if (rec.status == Status.STARTING) {
            inSetup--;
            tunnelsFailed++;
            tally(failures, "tunnel setup", why, 1);
        } else if (rec.status == Status.UP) {
            tally(disconnects, "tunnel after setup", why, 1);
        }
        if (rec.tearingDown) {
            rec.tearingDown = false;
            teardownsPending--;
        }
        rec.status = Status.DOWN;
        long unstarted = options.callsPerTunnel() - rec.callsStarted;
        if (unstarted > 0) {
            rec.callsStarted = options.callsPerTunnel();
            callsFailed += unstarted;
            tally(failures, "session setup", Failure.tunnelDown(why), unstarted);
        }
    }

    private void onCallUp(long latency) {
        inSetup--;
        callsUp++;
        callLatency.add(latency);
        lastCallUpAt = clock.getAsLong();
    }

    private void onCallFailed(Failure why) {
        inSetup--;
        callsFailed++;
        tally(failures, "session setup", why, 1);
    }

    private void onCallDown(Failure why) {
        callsDown++;
        tally(disconnects, "session after setup", why, 1);
    }

    private void onTeardownDone(int id, LacListener.TeardownResult r) {
        TunnelRec rec = tunnels.get(id);
        if (!rec.tearingDown) return;
        rec.tearingDown = false;
        rec.status = Status.CLOSED;
        teardownsPending--;
        cdnSent += r.cdnsSent();
        cdnAcked += r.cdnsAcked();
        stopccnSent++;
        if (r.stopccnAcked()) stopccnAcked++;
    }

    private static void tally(Map<String, Tally> map, String phase, Failure f, long n) {
        map.computeIfAbsent(phase + "|" + f.key(), k -> new Tally(phase, f)).count += n;
    }

    // ---------------------------------------------------------------- output

    /** A BRAS-style Calling Number: a MAC-like id from the tunnel and call numbers. */
    static String callingNumber(int tunnelId, int call) {
        // As String.format("0200.%04x.%04x"), without parsing the format for every call.
        if ((tunnelId | call) >>> 16 != 0) return String.format(Locale.ROOT, "0200.%04x.%04x", tunnelId, call);
        char[] c = {'0', '2', '0', '0', '.', 0, 0, 0, 0, '.', 0, 0, 0, 0};
        hex4(c, 5, tunnelId);
        hex4(c, 10, call);
        return new String(c);
    }

    private static void hex4(char[] c, int at, int v) {
        for (int i = 3; i >= 0; i--, v >>>= 4) c[at + i] = Character.forDigit(v & 0xF, 16);
    }

    /** A progress line, at most one a second. */
    private void progress(String phase) {
        long now = clock.getAsLong();
        if (progress == null || now < nextProgressAt) return;
        nextProgressAt = now + PROGRESS_EVERY;
        double t = (now - started) / 1e9;
        progress.printf(
                Locale.ROOT,
                "[%7.1fs] %-8s tunnels %d up %d failed of %d | sessions %d up %d failed %d down of %d | in setup %d%n",
                t,
                phase,
                tunnelsUp,
                tunnelsFailed,
                options.tunnels(),
                callsUp,
                callsFailed,
                callsDown,
                options.totalCalls(),
                inSetup);
        progress.flush();
    }

    private LoadReport report(long upAfterHold, double teardownSeconds, TunnelCounters c, SubscriberCounters data) {
        double elapsed = millis(clock.getAsLong() - started);
        LoadReport.Setup t =
                setup(options.tunnels(), tunnelsUp, tunnelsFailed, firstTunnelAt, lastTunnelUpAt, tunnelLatency);
        LoadReport.Setup s = setup(options.totalCalls(), callsUp, callsFailed, firstCallAt, lastCallUpAt, callLatency);
        LoadReport.Teardown td = options.teardown()
                ? new LoadReport.Teardown(
                        teardownTunnels, cdnSent, cdnAcked, stopccnSent, stopccnAcked, teardownSeconds)
                : null;
        return new LoadReport(
                options.lns(),
                options.tunnels(),
                options.callsPerTunnel(),
                options.concurrency(),
                options.rate(),
                options.lac().secret() != null,
                options.lac().hideAvps(),
                t,
                s,
                callsDown,
                upAfterHold,
                reasons(failures),
                reasons(disconnects),
                td,
                new LoadReport.Control(
                        c.sent(),
                        c.retransmitted(),
                        c.received(),
                        c.zlbSent(),
                        c.zlbReceived(),
                        c.duplicates(),
                        c.ignored(),
                        c.malformed()),
                options.ppp() ? subscribers.ppp(authFailures(), data) : null,
                options.ppp() ? subscribers.data(data) : null,
                elapsed);
    }

    /** Failures and disconnects in PPP authentication, by reason. */
    private List<LoadReport.Reason> authFailures() {
        Map<String, Tally> auth = new LinkedHashMap<>();
        for (Map<String, Tally> m : List.of(failures, disconnects)) {
            for (Tally t : m.values()) {
                if (t.sample.kind() == Failure.Kind.PPP_AUTH) tally(auth, t.phase, t.sample, t.count);
            }
        }
        return reasons(auth);
    }

    private static LoadReport.Setup setup(
            long requested, long up, long failed, long first, long lastUp, LatencyStats latency) {
        double seconds = first < 0 || up == 0 ? 0 : Math.max(0, lastUp - first) / 1e9;
        double rate = seconds > 0 ? up / seconds : 0;
        return new LoadReport.Setup(
                requested,
                up,
                failed,
                Math.round(seconds * 1e3) / 1e3,
                Math.round(rate * 10) / 10.0,
                LoadReport.Latency.of(latency));
    }

    /** Nanoseconds as seconds, rounded to the millisecond. */
    private static double millis(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }

    private static List<LoadReport.Reason> reasons(Map<String, Tally> map) {
        List<LoadReport.Reason> out = new ArrayList<>();
        for (Tally t : map.values()) {
            Failure f = t.sample;
            boolean coded = f.kind() == Failure.Kind.STOPCCN
                    || f.kind() == Failure.Kind.CDN
                    || f.kind() == Failure.Kind.TUNNEL_DOWN;
            out.add(new LoadReport.Reason(
                    t.phase,
                    f.key(),
                    f.kind().name(),
                    coded && f.result() != Failure.NONE ? f.result() : null,
                    coded && f.error() != Failure.NONE ? f.error() : null,
                    t.count,
                    f.description()));
        }
        out.sort((a, b) -> Long.compare(b.count(), a.count()));
        return out;
    }
}
