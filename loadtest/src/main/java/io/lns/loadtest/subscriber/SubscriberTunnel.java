package io.lns.loadtest.subscriber;

import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.DataMessage;
import io.lns.l2tp.message.ResultCodes;
import io.lns.loadtest.lac.DataChannel;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.lac.LacSession;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.ppp.frame.PppFrame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A simulated LAC tunnel with a subscriber behind every call, Sans-IO: a {@link LacTunnel} for the
 * control plane, and per call a {@link Subscriber} (PPP client + tiny IP stack) whose frames travel
 * in the call's L2TP data messages ({@link DataChannel}). One thread drives it with the same clock
 * for both: control and data messages in, {@link #onTick} at {@link #nextWakeup}.
 *
 * <p>A subscriber's PPP starts when the call's ICCN is acknowledged, or earlier when the LNS's first
 * data message for the call arrives (it has the ICCN then, so the call counts as acknowledged). The call counts as up for the listener
 * when IPCP opens; a PPP failure ends the call with a CDN and is reported as the call's failure.
 * Without a {@link SubscriberConfig} (L2TP only), calls are up at the ICCN acknowledgement and data
 * messages are dropped, as the control-plane benchmark wants. With {@link
 * SubscriberConfig#proxyLcp()}, each ICCN carries the {@link ProxyDial} of its subscriber.
 */
public final class SubscriberTunnel {
    private static final long NEVER = Long.MAX_VALUE;

    /** Where control and data messages go. */
    public interface Output extends LacTunnel.Output {
        /** A data message to send; whoever writes it releases its payload. */
        void transmitData(DataMessage message);
    }

    private final LacTunnel tunnel;
    private final SubscriberConfig config;
    private final boolean sequencingRequired;
    private final boolean hideAvps;
    private final Output out;
    private final SubscriberListener listener;
    private final Random random;
    private final DataTally tally = new DataTally();
    private final Map<Integer, Call> calls = new HashMap<>();
    private final TreeSet<Call> timers =
            new TreeSet<>(Comparator.<Call>comparingLong(c -> c.wakeAt).thenComparingInt(c -> c.session.localId()));
    private long clock;

    /** @param subscribers how subscribers behave, or null for L2TP only */
    public SubscriberTunnel(
            int localId,
            LacConfig lac,
            SubscriberConfig subscribers,
            Output out,
            SubscriberListener listener,
            Random random) {
        this.config = subscribers;
        this.sequencingRequired = lac.sequencingRequired();
        this.hideAvps = lac.hideAvps();
        this.out = out;
        this.listener = listener;
        this.random = random;
        this.tunnel = new LacTunnel(localId, lac, out, new Inner(), random);
    }

    // ---------------------------------------------------------------- inputs

    public void start(long now) {
        clock = now;
        tunnel.start(now);
    }

    /** A control message from the LNS; see {@link LacTunnel#onMessage}. */
    public void onMessage(ControlMessage message, long now) {
        clock = now;
        tunnel.onMessage(message, now);
    }

    /**
     * A data message from the LNS, routed to its call by session id. Never throws for what it
     * carries; the caller keeps ownership of the payload (it is read, not released).
     */
    public void onData(DataMessage message, long now) {
        clock = now;
        if (config == null) return; // L2TP only: no PPP to give it to
        if (message.header().tunnelId() != tunnel.localId()) {
            tally.dataUnknownSession++;
            return;
        }
        Call c = calls.get(message.header().sessionId());
        if (c == null) {
            tally.dataUnknownSession++;
            return;
        }
        if (c.data == null) {
            LacSession.State st = c.session.state();
            if (st != LacSession.State.WAIT_ICCN_ACK && st != LacSession.State.ESTABLISHED) {
                tally.dataUnknownSession++; // no ICRP yet: we could not even answer
                return;
            }
            // the LNS has our ICCN: it talks PPP already. The call is up (callUp starts PPP).
            if (st == LacSession.State.WAIT_ICCN_ACK) tunnel.confirmByData(c.session, now);
            startPpp(c, now);
        }
        long outOfSequence = c.data.outOfSequence();
        PppFrame frame = c.data.unwrap(message);
        if (frame == null) {
            if (c.data.outOfSequence() > outOfSequence) tally.dataOutOfSequence++;
            else tally.dataMalformed++;
            return;
        }
        tally.dataReceived++;
        c.subscriber.receive(frame, now);
        reschedule(c);
    }

    /** Drives the tunnel's and the subscribers' timers. */
    public void onTick(long now) {
        clock = now;
        tunnel.onTick(now);
        if (timers.isEmpty() || timers.first().wakeAt > now) return;
        List<Call> due = new ArrayList<>();
        while (!timers.isEmpty() && timers.first().wakeAt <= now) {
            Call c = timers.pollFirst();
            c.wakeAt = NEVER;
            due.add(c);
        }
        for (Call c : due) {
            c.subscriber.tick(now);
            reschedule(c);
        }
    }

    public long nextWakeup() {
        long t = tunnel.nextWakeup();
        return timers.isEmpty() ? t : Math.min(t, timers.first().wakeAt);
    }

    /**
     * Places a call for subscriber {@code index} (the global session index, from 1: it names the
     * user). See {@link LacTunnel#startCall}.
     */
    public LacSession startCall(long index, String callingNumber, long now) {
        clock = now;
        ProxyDial proxy = config != null && config.proxyLcp() ? ProxyDial.forSubscriber(index, config, random) : null;
        LacSession s =
                tunnel.startCall(index, callingNumber, proxy == null ? List.of() : proxy.iccnAvps(hideAvps), now);
        if (config != null && s.state() != LacSession.State.CLOSED) {
            Call c = new Call(s, index, proxy);
            calls.put(s.localId(), c);
        }
        return s;
    }

    /**
     * Ends the run: subscribers stop silently (a call whose PPP was still negotiating is reported
     * failed), then {@link LacTunnel#teardown}.
     */
    public void teardown(boolean callsFirst, long now) {
        clock = now;
        for (Call c : List.copyOf(calls.values())) {
            c.subscriber.stop(now, "teardown");
            unschedule(c);
            if (!c.reported && !c.upReported && c.session.state() == LacSession.State.ESTABLISHED) {
                c.reported = true;
                listener.callFailed(c.session, Failure.of(Failure.Kind.LOCAL, "aborted by teardown"));
            }
        }
        calls.clear();
        tunnel.teardown(callsFirst, now);
    }

    // ---------------------------------------------------------------- queries

    public LacTunnel tunnel() {
        return tunnel;
    }

    public int localId() {
        return tunnel.localId();
    }

    /** The subscriber of one of our calls, if it has one. */
    public Subscriber subscriber(int localSessionId) {
        Call c = calls.get(localSessionId);
        return c == null ? null : c.subscriber;
    }

    /** The data plane's counters so far. */
    public SubscriberCounters counters() {
        return tally.snapshot();
    }

    // ---------------------------------------------------------------- internals

    private void startPpp(Call c, long now) {
        if (c.data != null) return;
        c.data = new DataChannel(tunnel.peerId(), c.session.peerId(), sequencingRequired);
        c.subscriber.start(now);
        reschedule(c);
    }

    private void reschedule(Call c) {
        unschedule(c);
        if (!c.ended) {
            long t = c.subscriber.nextWakeup();
            if (t != NEVER) {
                c.wakeAt = t;
                timers.add(c);
            }
        }
    }

    private void unschedule(Call c) {
        if (c.wakeAt != NEVER) {
            timers.remove(c);
            c.wakeAt = NEVER;
        }
    }

    /** The subscriber ended its call: CDN, forget it. */
    private void hangUp(Call c, Failure why) {
        c.ended = true;
        unschedule(c);
        calls.remove(c.session.localId());
        int result = why.kind() == Failure.Kind.TIMEOUT ? ResultCodes.CDN_TIMEOUT : ResultCodes.CDN_LOST_CARRIER;
        tunnel.disconnect(c.session, result, clock);
    }

    private static long since(long t, long origin) {
        return t < 0 || origin < 0 ? -1 : t - origin;
    }

    /** One call and its subscriber. */
    private final class Call implements Subscriber.Events {
        final LacSession session;
        final Subscriber subscriber;
        DataChannel data;
        long wakeAt = NEVER;
        boolean upReported;
        boolean reported;
        boolean ended;

        Call(LacSession session, long index, ProxyDial proxy) {
            this.session = session;
            this.subscriber = new Subscriber(index, config, proxy, tally, this, random);
        }

        @Override
        public void transmit(Subscriber s, PppFrame frame) {
            if (data == null || ended) return;
            tally.dataSent++;
            out.transmitData(data.wrap(frame));
        }

        @Override
        public void up(Subscriber s) {
            upReported = true;
            long iccn = session.iccnSentAt();
            listener.subscriberUp(
                    session,
                    new SubscriberUp(
                            s.index(),
                            s.user(),
                            since(s.lcpUpAt(), iccn),
                            since(s.authDoneAt(), iccn),
                            since(s.ipcpUpAt(), iccn),
                            s.address().orElse(null),
                            s.gateway().orElse(null),
                            s.primaryDns().isPresent(),
                            s.authMethod().orElse(null),
                            s.sendsProbes()));
            listener.callUp(session, clock - session.startedAt());
        }

        @Override
        public void ipv6Up(Subscriber s) {
            listener.subscriberIpv6Up(session);
        }

        @Override
        public void failed(Subscriber s, Failure why) {
            hangUp(this, why);
            if (!reported) {
                reported = true;
                listener.callFailed(session, why);
            }
        }

        @Override
        public void down(Subscriber s, Failure why) {
            hangUp(this, why);
            listener.callDown(session, why);
        }

        @Override
        public void dataDone(Subscriber s) {
            listener.subscriberDataDone(session);
        }
    }

    /** Hears the control plane; with subscribers, a call's L2TP "up" starts its PPP instead. */
    private final class Inner implements io.lns.loadtest.lac.LacListener {
        @Override
        public void tunnelUp(LacTunnel t, long sccrpLatency) {
            listener.tunnelUp(t, sccrpLatency);
        }

        @Override
        public void tunnelDown(LacTunnel t, Failure why, boolean wasUp) {
            listener.tunnelDown(t, why, wasUp);
        }

        @Override
        public void callUp(LacSession s, long latency) {
            Call c = calls.get(s.localId());
            if (c == null) {
                if (config == null) listener.callUp(s, latency);
                return;
            }
            startPpp(c, clock);
        }

        @Override
        public void callFailed(LacSession s, Failure why) {
            Call c = calls.remove(s.localId());
            if (c != null) {
                c.ended = true;
                c.subscriber.stop(clock, "call failed");
                unschedule(c);
                if (c.reported) return;
                c.reported = true;
            }
            listener.callFailed(s, why);
        }

        @Override
        public void callDown(LacSession s, Failure why) {
            Call c = calls.remove(s.localId());
            if (c == null) {
                listener.callDown(s, why);
                return;
            }
            c.ended = true;
            c.subscriber.stop(clock, "call down");
            unschedule(c);
            if (c.upReported) {
                listener.callDown(s, why);
            } else if (!c.reported) {
                c.reported = true;
                listener.callFailed(s, why); // PPP was still negotiating: the call never came up
            }
        }

        @Override
        public void teardownDone(LacTunnel t, TeardownResult result) {
            listener.teardownDone(t, result);
        }
    }
}
