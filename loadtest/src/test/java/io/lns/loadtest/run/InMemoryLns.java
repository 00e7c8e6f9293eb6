package io.lns.loadtest.run;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.control.ReliableChannel;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.lac.LacListener;
import io.lns.loadtest.lac.LacTunnel;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.LongPredicate;

/**
 * A {@link LacTransport} whose tunnels talk to a scripted LNS in memory, all on one thread: the
 * LNS answers every request (the ICRP after a delay, so calls overlap), refuses the tunnels and
 * calls it is told to, and records what it saw. No loss, so it needs no retransmission.
 */
final class InMemoryLns implements LacTransport {
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor();
    private final LacConfig config;
    private final IntPredicate refuseTunnel;
    private final LongPredicate refuseCall;
    private final long icrpDelayNanos;

    /** Calls between ICRQ and ICCN at the LNS, now and at most; ICRQ arrival times. */
    private int callsInSetup;

    volatile int maxCallsInSetup;
    final List<Long> icrqTimes = Collections.synchronizedList(new ArrayList<>());

    InMemoryLns(LacConfig config, IntPredicate refuseTunnel, LongPredicate refuseCall, long icrpDelayNanos) {
        this.config = config;
        this.refuseTunnel = refuseTunnel;
        this.refuseCall = refuseCall;
        this.icrpDelayNanos = icrpDelayNanos;
    }

    @Override
    public TunnelHandle open(int index, int tunnelId, SubscriberConfig subscribers, SubscriberListener listener) {
        return new Tunnel(tunnelId, listener);
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }

    private final class Tunnel implements TunnelHandle, LacTunnel.Output {
        final LacTunnel lac;
        final int tunnelId;
        int lnsNs;
        int lnsNr;
        int nextSessionId = 1;
        ScheduledFuture<?> timer;
        long timerAt = ReliableChannel.NEVER;

        Tunnel(int tunnelId, LacListener listener) {
            this.tunnelId = tunnelId;
            this.lac = new LacTunnel(tunnelId, config, this, listener, new Random(tunnelId));
        }

        @Override
        public void start() {
            exec.execute(() -> {
                lac.start(System.nanoTime());
                after();
            });
        }

        @Override
        public void startCall(long serial, String callingNumber) {
            exec.execute(() -> {
                lac.startCall(serial, callingNumber, System.nanoTime());
                after();
            });
        }

        @Override
        public void teardown(boolean callsFirst) {
            exec.execute(() -> {
                lac.teardown(callsFirst, System.nanoTime());
                after();
            });
        }

        @Override
        public CompletableFuture<TunnelCounters> counters() {
            return CompletableFuture.supplyAsync(
                    () -> new TunnelCounters(
                            lac.channelStats().sent(),
                            lac.channelStats().retransmitted(),
                            lac.received(),
                            lac.channelStats().zlbSent(),
                            lac.channelStats().zlbReceived(),
                            0,
                            lac.ignored(),
                            0),
                    exec);
        }

        @Override
        public void close() {}

        /** LAC → LNS: handled as a new task, as if it had crossed a wire. */
        @Override
        public void transmit(ControlMessage m, HidingKey hiding) {
            exec.execute(() -> lnsReceive(m));
        }

        private void lnsReceive(ControlMessage m) {
            if (m.isZlb() || m.header().ns() != lnsNr) return;
            lnsNr = (lnsNr + 1) & 0xFFFF;
            ControlMessageType type = m.type().orElseThrow();
            switch (type) {
                case SCCRQ -> {
                    if (refuseTunnel.test(tunnelId)) {
                        reply(ControlMessageType.StopCCN, 0, new AssignedTunnelId(1000), ResultCode.of(2, 4, "full"));
                    } else {
                        reply(ControlMessageType.SCCRP, 0, new AssignedTunnelId(1000 + tunnelId));
                    }
                }
                case ICRQ -> {
                    icrqTimes.add(System.nanoTime());
                    callsInSetup++;
                    maxCallsInSetup = Math.max(maxCallsInSetup, callsInSetup);
                    int lacSession =
                            m.find(AssignedSessionId.class).orElseThrow().id();
                    long serial = m.find(CallSerialNumber.class).orElseThrow().serial();
                    exec.schedule(
                            () -> {
                                if (refuseCall.test(serial)) {
                                    callsInSetup--;
                                    reply(
                                            ControlMessageType.CDN,
                                            lacSession,
                                            ResultCode.of(4),
                                            new AssignedSessionId(0));
                                } else {
                                    reply(ControlMessageType.ICRP, lacSession, new AssignedSessionId(nextSessionId++));
                                }
                            },
                            icrpDelayNanos,
                            TimeUnit.NANOSECONDS);
                }
                case ICCN -> {
                    callsInSetup--;
                    zlb();
                }
                default -> zlb();
            }
        }

        private void reply(ControlMessageType type, int sessionId, AvpValue... values) {
            List<Avp> avps = new ArrayList<>();
            avps.add(Avp.of(MessageType.of(type)));
            for (AvpValue v : values) avps.add(Avp.of(v));
            ControlMessage m = new ControlMessage(L2tpHeader.control(tunnelId, sessionId, lnsNs, lnsNr), avps);
            lnsNs = (lnsNs + 1) & 0xFFFF;
            lac.onMessage(m, System.nanoTime());
            after();
        }

        private void zlb() {
            lac.onMessage(ControlMessage.zlb(tunnelId, lnsNs, lnsNr), System.nanoTime());
            after();
        }

        private void after() {
            long next = lac.nextWakeup();
            if (next >= timerAt) return;
            if (timer != null) timer.cancel(false);
            timerAt = next;
            timer = exec.schedule(
                    () -> {
                        timerAt = ReliableChannel.NEVER;
                        lac.onTick(System.nanoTime());
                        after();
                    },
                    Math.max(0, next - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }
    }
}
