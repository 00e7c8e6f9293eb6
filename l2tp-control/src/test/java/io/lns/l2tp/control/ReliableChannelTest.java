package io.lns.l2tp.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliableChannelTest {
    private static final long MS = 1_000_000L;
    private static final ReliableChannelConfig CONFIG = ReliableChannelConfig.DEFAULTS;

    static final class Recorder implements ReliableChannel.Sink {
        final List<ControlMessage> sent = new ArrayList<>();
        final List<ControlMessage> delivered = new ArrayList<>();
        String failure;

        @Override
        public void transmit(ControlMessage m) {
            sent.add(m);
        }

        @Override
        public void deliver(ControlMessage m) {
            delivered.add(m);
        }

        @Override
        public void failed(String reason) {
            failure = reason;
        }
    }

    private final Recorder out = new Recorder();
    private final ReliableChannel channel = new ReliableChannel(CONFIG, out);

    @Test
    void stampsNsAndNrAndAcksWithAZlbAfterTheDelay() {
        channel.peerTunnelId(77);
        channel.onReceive(msg(ControlMessageType.SCCRQ, 0, 0), 0);
        assertThat(out.delivered).hasSize(1);
        assertThat(channel.nextWakeup()).isEqualTo(CONFIG.ackDelay());

        channel.onTick(CONFIG.ackDelay());

        assertThat(out.sent).singleElement().satisfies(zlb -> {
            assertThat(zlb.isZlb()).isTrue();
            assertThat(zlb.header().tunnelId()).isEqualTo(77);
            assertThat(zlb.header().ns()).isZero();
            assertThat(zlb.header().nr()).isEqualTo(1);
        });
    }

    @Test
    void acksAtOnceWhenThePeerHasHalfOurWindowOutstanding() {
        for (int i = 0; i < CONFIG.receiveWindow() / 2 - 1; i++) {
            channel.onReceive(msg(ControlMessageType.ICCN, i, 0), 0);
        }
        assertThat(out.sent).isEmpty();
        channel.onReceive(msg(ControlMessageType.ICCN, CONFIG.receiveWindow() / 2 - 1, 0), 0);
        assertThat(out.sent)
                .singleElement()
                .satisfies(zlb -> assertThat(zlb.header().nr()).isEqualTo(CONFIG.receiveWindow() / 2));
    }

    @Test
    void aReplyCarriesTheAckSoNoZlbIsSent() {
        channel.onReceive(msg(ControlMessageType.SCCRQ, 0, 0), 0);
        channel.send(0, avps(ControlMessageType.SCCRP), 10 * MS);
        channel.onTick(CONFIG.ackDelay() * 2);
        assertThat(out.sent).singleElement().satisfies(m -> {
            assertThat(m.type()).contains(ControlMessageType.SCCRP);
            assertThat(m.header().nr()).isEqualTo(1);
        });
    }

    @Test
    void honoursThePeerWindowAndGrowsTheCongestionWindowBySlowStart() {
        channel.peerReceiveWindow(4, 0);
        for (int i = 0; i < 10; i++) channel.send(i + 1, avps(ControlMessageType.ICRP), 0);
        assertThat(out.sent).hasSize(1); // cwnd starts at 1
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 1);
        assertThat(out.sent).hasSize(3); // cwnd 2
        channel.onReceive(ControlMessage.zlb(0, 0, 3), 2);
        assertThat(channel.congestionWindow()).isEqualTo(4);
        assertThat(out.sent).hasSize(7); // never more than 4 unacknowledged
        assertThat(channel.backlog()).isEqualTo(7);
    }

    @Test
    void retransmitsWithExponentialBackoffUntilMaxRetries() {
        channel.send(0, avps(ControlMessageType.SCCRP), 0);
        List<Long> retransmitTimes = new ArrayList<>();
        long now = 0;
        for (int i = 0; i < 20 && out.failure == null; i++) {
            now = channel.nextWakeup();
            int before = out.sent.size();
            channel.onTick(now);
            if (out.sent.size() > before) retransmitTimes.add(now / MS);
        }
        assertThat(retransmitTimes).containsExactly(1000L, 3000L, 7000L, 15000L, 23000L);
        assertThat(out.failure).contains("after 5 retransmissions");
        assertThat(out.sent).allSatisfy(m -> assertThat(m.header().ns()).isZero());
        assertThat(channel.nextWakeup()).isEqualTo(ReliableChannel.NEVER);
    }

    @Test
    void reAcksADuplicateAtOnceWithoutDeliveringItTwice() {
        channel.onReceive(msg(ControlMessageType.StopCCN, 0, 0), 0);
        channel.onTick(CONFIG.ackDelay());
        channel.onReceive(msg(ControlMessageType.StopCCN, 0, 0), 5000 * MS);
        assertThat(out.delivered).hasSize(1);
        assertThat(out.sent)
                .hasSize(2)
                .allSatisfy(z -> assertThat(z.header().nr()).isEqualTo(1));
        assertThat(channel.stats().duplicates()).isEqualTo(1);
    }

    @Test
    void deliversEarlyMessagesInOrderAndDropsThoseBeyondTheWindow() {
        channel.onReceive(msg(ControlMessageType.ICRQ, 2, 0), 0);
        channel.onReceive(msg(ControlMessageType.ICRQ, 1, 0), 0);
        channel.onReceive(msg(ControlMessageType.ICRQ, 40, 0), 0);
        assertThat(out.delivered).isEmpty();
        channel.onReceive(msg(ControlMessageType.ICRQ, 0, 0), 0);
        assertThat(out.delivered).extracting(m -> m.header().ns()).containsExactly(0, 1, 2);
        assertThat(channel.nr()).isEqualTo(3);
        assertThat(channel.stats().outOfWindow()).isEqualTo(1);
    }

    @Test
    void acksAtOnceWhenAMessageFillsAGap() {
        channel.onReceive(msg(ControlMessageType.ICCN, 1, 0), 0);
        channel.onTick(0);
        assertThat(out.sent)
                .singleElement()
                .satisfies(zlb -> assertThat(zlb.header().nr()).isZero());
        channel.onReceive(msg(ControlMessageType.ICCN, 0, 0), 10 * MS);
        assertThat(out.sent)
                .as("not after the ack delay: the peer is recovering from a loss")
                .hasSize(2)
                .last()
                .satisfies(zlb -> assertThat(zlb.header().nr()).isEqualTo(2));
    }

    @Test
    void acksAtOnceWhenAMessageFillsPartOfAGap() {
        channel.onReceive(msg(ControlMessageType.ICCN, 2, 0), 0);
        channel.onReceive(msg(ControlMessageType.ICCN, 0, 0), 10 * MS);
        assertThat(out.delivered).hasSize(1);
        assertThat(out.sent)
                .as("Ns 1 is still missing: the peer should hear so now")
                .hasSize(2)
                .last()
                .satisfies(zlb -> assertThat(zlb.header().nr()).isEqualTo(1));
        channel.onReceive(msg(ControlMessageType.ICCN, 1, 0), 20 * MS);
        assertThat(out.delivered).hasSize(3);
        assertThat(out.sent)
                .hasSize(3)
                .last()
                .satisfies(zlb -> assertThat(zlb.header().nr()).isEqualTo(3));
        channel.onReceive(msg(ControlMessageType.ICCN, 3, 0), 30 * MS);
        assertThat(out.sent).as("no gap left: the ack waits again").hasSize(3);
    }

    @Test
    void noFastRetransmitOfAMessageATimeoutAlreadyResent() {
        channel.peerReceiveWindow(8, 0);
        channel.send(1, avps(ControlMessageType.ICRP), 0);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 1); // cwnd 2
        channel.send(2, avps(ControlMessageType.ICRP), 2);
        channel.send(3, avps(ControlMessageType.ICRP), 2);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 10 * MS); // one duplicate
        long timeout = channel.nextWakeup();
        channel.onTick(timeout); // resends Ns 1
        assertThat(out.sent).extracting(m -> m.header().ns()).containsExactly(0, 1, 2, 1);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), timeout + MS); // a late or duplicated one
        assertThat(out.sent).hasSize(4);
        assertThat(channel.stats().fastRetransmits()).isZero();
    }

    @Test
    void theSecondZlbNamingTheOldestUnackedMessageResendsItBeforeTheTimeout() {
        channel.peerReceiveWindow(8, 0);
        channel.send(1, avps(ControlMessageType.ICRP), 0);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 1); // cwnd 2
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 2); // an old ack again: nothing in flight yet
        for (int i = 0; i < 3; i++) channel.send(i + 2, avps(ControlMessageType.ICRP), 3);
        assertThat(out.sent).extracting(m -> m.header().ns()).containsExactly(0, 1, 2);

        // Ns 1 lost, Ns 2 arrived early: the peer says so with a ZLB at once, then again.
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 10 * MS);
        assertThat(out.sent).hasSize(3);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 11 * MS);
        assertThat(out.sent)
                .hasSize(4)
                .last()
                .satisfies(m -> assertThat(m.header().ns()).isEqualTo(1));
        assertThat(channel.stats().fastRetransmits()).isEqualTo(1);
        assertThat(channel.stats().retransmitted()).isEqualTo(1);
        assertThat(channel.stats().timeouts()).isZero();

        channel.onReceive(ControlMessage.zlb(0, 0, 1), 12 * MS);
        assertThat(out.sent).as("once per loss").hasSize(4);
        assertThat(channel.nextWakeup())
                .as("a full timeout for the resend")
                .isEqualTo(11 * MS + CONFIG.retransmitInitial());

        channel.onReceive(ControlMessage.zlb(0, 0, 3), 20 * MS);
        assertThat(out.sent).extracting(m -> m.header().ns()).containsExactly(0, 1, 2, 1, 3);
        assertThat(channel.backlog()).isEqualTo(1);
    }

    @Test
    void aMessageCarryingAnOldNrIsNoDuplicateAck() {
        // Only a ZLB says the peer received something it could not deliver; a message may simply
        // have crossed our own.
        channel.peerReceiveWindow(8, 0);
        channel.send(1, avps(ControlMessageType.ICRP), 0);
        channel.send(2, avps(ControlMessageType.ICRP), 0);
        channel.onReceive(msg(ControlMessageType.ICCN, 0, 0), 1);
        channel.onReceive(msg(ControlMessageType.ICCN, 1, 0), 2);
        channel.onReceive(msg(ControlMessageType.ICCN, 2, 0), 3);
        assertThat(channel.stats().fastRetransmits()).isZero();
        assertThat(out.sent)
                .filteredOn(m -> !m.isZlb())
                .extracting(m -> m.header().ns())
                .containsExactly(0);
    }

    @Test
    void helloStopccnAndCdnOvertakeQueuedMessages() {
        channel.peerReceiveWindow(1, 0);
        for (int i = 0; i < 100; i++) channel.send(i + 1, avps(ControlMessageType.ICRP), 0);
        channel.send(0, avps(ControlMessageType.HELLO), 0);
        channel.onReceive(ControlMessage.zlb(0, 0, 1), 1);
        assertThat(out.sent)
                .extracting(m -> m.type().orElseThrow())
                .containsExactly(ControlMessageType.ICRP, ControlMessageType.HELLO);
        assertThat(out.sent.get(1).header().ns()).isEqualTo(1);
    }

    @Test
    void ignoresAnNrForMessagesNeverSent() {
        channel.send(0, avps(ControlMessageType.SCCRP), 0);
        channel.onReceive(ControlMessage.zlb(0, 0, 9), 1);
        assertThat(channel.backlog()).isEqualTo(1);
        assertThat(channel.stats().badNr()).isEqualTo(1);
    }

    @Test
    void sequenceNumbersWrapAt65536() {
        ReliableChannel a = new ReliableChannel(CONFIG, out);
        for (int i = 0; i < 70_000; i++) {
            a.onReceive(msg(ControlMessageType.HELLO, i & 0xFFFF, 0), i);
        }
        assertThat(out.delivered).hasSize(70_000);
        assertThat(a.nr()).isEqualTo(70_000 & 0xFFFF);
    }

    static List<Avp> avps(ControlMessageType type) {
        return List.of(Avp.of(MessageType.of(type)), Avp.of(new AssignedSessionId(1)));
    }

    static ControlMessage msg(ControlMessageType type, int ns, int nr) {
        return new ControlMessage(L2tpHeader.control(0, 0, ns, nr), avps(type));
    }
}
