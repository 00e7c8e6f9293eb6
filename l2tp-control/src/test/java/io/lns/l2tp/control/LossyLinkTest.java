package io.lns.l2tp.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Two channels over an in-memory link that loses, duplicates and reorders, driven by a fake clock:
 * everything arrives exactly once and in order.
 */
class LossyLinkTest {
    private static final long MS = 1_000_000L;

    private record Flight(long at, long seq, boolean toB, ControlMessage message) {}

    private final PriorityQueue<Flight> wire =
            new PriorityQueue<>((x, y) -> x.at != y.at ? Long.compare(x.at, y.at) : Long.compare(x.seq, y.seq));
    private final Random random = new Random(2661);
    private long now;
    private long seq;

    private final class End implements ReliableChannel.Sink {
        final boolean isA;
        final List<Long> received = new ArrayList<>();
        String failure;

        End(boolean isA) {
            this.isA = isA;
        }

        @Override
        public void transmit(ControlMessage m) {
            if (random.nextDouble() < 0.20) return; // lost
            int copies = random.nextDouble() < 0.10 ? 2 : 1;
            for (int i = 0; i < copies; i++) {
                long delay = (5 + random.nextInt(40)) * MS; // jitter reorders
                wire.add(new Flight(now + delay, seq++, isA, m));
            }
        }

        @Override
        public void deliver(ControlMessage m) {
            received.add(m.find(CallSerialNumber.class).orElseThrow().serial());
        }

        @Override
        public void failed(String reason) {
            failure = reason;
        }
    }

    @Test
    void everyMessageArrivesOnceAndInOrderDespiteLossReorderingAndDuplication() {
        End a = new End(true);
        End b = new End(false);
        ReliableChannel chA = new ReliableChannel(ReliableChannelConfig.DEFAULTS, a);
        ReliableChannel chB = new ReliableChannel(ReliableChannelConfig.DEFAULTS, b);
        chA.peerReceiveWindow(8, 0);
        chB.peerReceiveWindow(8, 0);
        int n = 500;
        for (int i = 0; i < n; i++) {
            chA.send(0, message(ControlMessageType.ICRQ, i), 0);
            chB.send(0, message(ControlMessageType.ICRP, i), 0);
        }
        for (int step = 0; step < 200_000 && (a.received.size() < n || b.received.size() < n); step++) {
            long next = Math.min(chA.nextWakeup(), chB.nextWakeup());
            if (!wire.isEmpty()) next = Math.min(next, wire.peek().at);
            if (next == ReliableChannel.NEVER) break;
            now = Math.max(now, next);
            while (!wire.isEmpty() && wire.peek().at <= now) {
                Flight f = wire.poll();
                (f.toB ? chB : chA).onReceive(f.message, now);
            }
            chA.onTick(now);
            chB.onTick(now);
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 0; i < n; i++) expected.add(i);
        assertThat(a.failure).isNull();
        assertThat(b.failure).isNull();
        assertThat(b.received).containsExactlyElementsOf(expected);
        assertThat(a.received).containsExactlyElementsOf(expected);
        assertThat(chA.stats().retransmitted()).isPositive();
        assertThat(chB.stats().duplicates() + chB.stats().outOfOrder()).isPositive();
    }

    private static List<Avp> message(ControlMessageType type, long serial) {
        return List.of(Avp.of(MessageType.of(type)), Avp.of(new CallSerialNumber(serial)));
    }
}
