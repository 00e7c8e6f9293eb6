package io.lns.l2tp.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Incoming calls (ICRQ → ICRP → ICCN, up when the ICCN is acknowledged) between two channels over
 * an in-memory link that loses 20% each way, duplicates 10% and delays 0–30 ms, on a fake clock: the
 * lossy relay of lns-server's LoadtestIntegrationTest, with its retransmission settings. Every call
 * must come up. The tail is made of tunnels that lose a message and its retransmissions several
 * times in a row, so percentiles need thousands of tunnels to mean anything. The setup latencies it prints are simulated time, the same on every machine; they
 * are how docs/benchmarks.md compares changes to the channel's loss recovery.
 */
class LossyCallsTest {
    private static final long MS = 1_000_000L;
    private static final int TUNNELS = 4000;
    private static final int CALLS = 20;
    /**
     * 20 retransmissions, not the relay test's former 10: at 20% loss each way ten failed attempts
     * in a row happen a few times in 160,000 messages, and a channel that then gives up is RFC 2661
     * working as configured, not a call lost by the LNS.
     */
    private static final ReliableChannelConfig CHANNEL =
            new ReliableChannelConfig(16, 200 * MS, 1600 * MS, 20, 50 * MS);

    private record Flight(long at, long seq, boolean toLns, ControlMessage message) {}

    @Test
    void everyCallComesUpThroughLossDuplicationAndReordering() {
        List<Long> latencies = new ArrayList<>();
        ReliableChannelStats lac = new ReliableChannelStats();
        ReliableChannelStats lns = new ReliableChannelStats();
        for (int seed = 0; seed < TUNNELS; seed++) {
            Tunnel t = new Tunnel(new Random(seed));
            t.run();
            assertThat(t.up).as("seed %d", seed).doesNotContain(0L);
            for (long at : t.up) latencies.add(at);
            add(lac, t.lac.stats());
            add(lns, t.lns.stats());
        }
        assertThat(lac.fastRetransmits + lns.fastRetransmits).isPositive();
        latencies.sort(null);
        System.out.printf(
                "LossyCallsTest: %d calls in %d tunnels, ICRQ -> ICCN acked (simulated ms): p50 %d, p99 %d,"
                        + " max %d, over 10 s %d; timeouts LAC %d LNS %d, fast retransmits LAC %d LNS %d%n",
                latencies.size(),
                TUNNELS,
                latencies.get(latencies.size() / 2) / MS,
                latencies.get(latencies.size() * 99 / 100) / MS,
                latencies.getLast() / MS,
                latencies.stream().filter(l -> l > 10_000 * MS).count(),
                lac.timeouts,
                lns.timeouts,
                lac.fastRetransmits,
                lns.fastRetransmits);
    }

    private static void add(ReliableChannelStats sum, ReliableChannelStats s) {
        sum.timeouts += s.timeouts;
        sum.fastRetransmits += s.fastRetransmits;
    }

    /** One tunnel's worth of calls, all placed at time 0 as the load tester places them. */
    private static final class Tunnel {
        final Random random;
        final PriorityQueue<Flight> wire =
                new PriorityQueue<>((x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
        final ReliableChannel lac = new ReliableChannel(CHANNEL, new End(false));
        final ReliableChannel lns = new ReliableChannel(CHANNEL, new End(true));
        /** The ICCN of each call by the Ns it went out with. */
        final Map<Integer, Integer> iccnByNs = new HashMap<>();
        /** When each call's ICCN was acknowledged; 0 while it is not. */
        final long[] up = new long[CALLS];

        long now;
        long seq;

        Tunnel(Random random) {
            this.random = random;
        }

        void run() {
            lac.peerReceiveWindow(CHANNEL.receiveWindow(), 0);
            lns.peerReceiveWindow(CHANNEL.receiveWindow(), 0);
            for (int i = 0; i < CALLS; i++) lac.send(0, message(ControlMessageType.ICRQ, i), 0);
            for (int step = 0; step < 100_000 && Arrays.stream(up).anyMatch(t -> t == 0); step++) {
                long next = Math.min(lac.nextWakeup(), lns.nextWakeup());
                if (!wire.isEmpty()) next = Math.min(next, wire.peek().at);
                if (next == ReliableChannel.NEVER) return;
                now = Math.max(now, next);
                while (!wire.isEmpty() && wire.peek().at <= now) {
                    Flight f = wire.poll();
                    if (f.toLns) {
                        lns.onReceive(f.message, now);
                    } else {
                        int nr = f.message.header().nr();
                        iccnByNs.forEach((ns, call) -> {
                            if (ns < nr && up[call] == 0) up[call] = now;
                        });
                        lac.onReceive(f.message, now);
                    }
                }
                lac.onTick(now);
                lns.onTick(now);
            }
        }

        private final class End implements ReliableChannel.Sink {
            final boolean isLns;

            End(boolean isLns) {
                this.isLns = isLns;
            }

            @Override
            public void transmit(ControlMessage m) {
                if (!isLns && m.type().orElse(null) == ControlMessageType.ICCN) {
                    iccnByNs.put(m.header().ns(), call(m));
                }
                if (random.nextDouble() < 0.20) return;
                int copies = random.nextDouble() < 0.10 ? 2 : 1;
                for (int i = 0; i < copies; i++) {
                    wire.add(new Flight(now + random.nextInt(31) * MS, seq++, !isLns, m));
                }
            }

            @Override
            public void deliver(ControlMessage m) {
                ControlMessageType type = m.type().orElseThrow();
                if (isLns && type == ControlMessageType.ICRQ) {
                    lns.send(0, message(ControlMessageType.ICRP, call(m)), now);
                } else if (!isLns && type == ControlMessageType.ICRP) {
                    lac.send(0, message(ControlMessageType.ICCN, call(m)), now);
                }
            }

            @Override
            public void failed(String reason) {
                throw new AssertionError((isLns ? "LNS" : "LAC") + " channel failed: " + reason);
            }
        }
    }

    private static int call(ControlMessage m) {
        return (int) m.find(CallSerialNumber.class).orElseThrow().serial();
    }

    private static List<Avp> message(ControlMessageType type, long serial) {
        return List.of(Avp.of(MessageType.of(type)), Avp.of(new CallSerialNumber(serial)));
    }
}
