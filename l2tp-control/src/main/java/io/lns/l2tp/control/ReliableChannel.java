package io.lns.l2tp.control;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One tunnel's reliable control channel (RFC 2661 §5.8 and Appendix A), Sans-IO: the owner feeds
 * it received messages and clock ticks, and it calls {@link Sink} to transmit and to deliver.
 *
 * <ul>
 *   <li>Ns is given when a message first leaves (so urgent messages — HELLO, StopCCN, CDN — can
 *       overtake queued ones and are never stuck behind a burst of ICRPs); every message we send
 *       carries our current Nr, and a ZLB carries it when nothing else goes within the ack delay.
 *   <li>Sending is limited by the congestion window, which grows by slow start then congestion
 *       avoidance and never exceeds the peer's Receive Window Size (4 when it sent none, §5.8).
 *   <li>A timeout retransmits every unacknowledged message (go-back-N) with cwnd back to 1 and the
 *       timeout doubled up to a cap; after {@code maxRetries} the channel fails.
 *   <li>Fast retransmit (TCP's, RFC 5681 §3.2): a peer that receives a message early or twice
 *       acknowledges at once with a ZLB whose Nr names the message it still misses. The second such
 *       ZLB naming our oldest unacknowledged message resends it without waiting for the timeout,
 *       once per loss (not again after a timeout resent it), and halves cwnd. Under loss a timeout
 *       costs a whole retransmission period in which the tunnel's calls all wait behind the
 *       missing message. Two, not TCP's three: control windows are small (cwnd is often 2 or 3
 *       under loss, so a third duplicate rarely comes), and a needless resend costs one message
 *       the peer re-acknowledges. Only ZLBs count: when the peer has a message of its own to send,
 *       the same Nr rides on it and says nothing about loss.
 *   <li>Received messages are delivered once and in order; early ones within our window wait,
 *       duplicates are re-acknowledged at once (a retransmitted StopCCN too), others dropped. A
 *       message that fills all or part of a gap is acknowledged at once (RFC 5681 §4.2): the peer
 *       is recovering from a loss and its window is likely closed.
 * </ul>
 */
public final class ReliableChannel {

    /** Where the channel's output goes. Called on the owner's thread, from its calls. */
    public interface Sink {
        void transmit(ControlMessage message);

        void deliver(ControlMessage message);

        /** The peer stopped acknowledging; the tunnel must be cleaned up (§5.8). */
        void failed(String reason);
    }

    public static final long NEVER = Long.MAX_VALUE;
    private static final int DEFAULT_PEER_WINDOW = 4;
    /** Duplicate acknowledgements that trigger a fast retransmit; why 2, the class doc says. */
    static final int DUPLICATE_ACKS_FOR_FAST_RETRANSMIT = 2;

    private record Queued(int sessionId, List<Avp> avps) {}

    private static final class InFlight {
        final int ns;
        final int sessionId;
        final List<Avp> avps;
        boolean needsResend;

        InFlight(int ns, int sessionId, List<Avp> avps) {
            this.ns = ns;
            this.sessionId = sessionId;
            this.avps = avps;
        }
    }

    private final ReliableChannelConfig config;
    private final Sink sink;
    private final ArrayDeque<Queued> urgent = new ArrayDeque<>();
    private final ArrayDeque<Queued> normal = new ArrayDeque<>();
    private final ArrayDeque<InFlight> unacked = new ArrayDeque<>();
    private final ControlMessage[] early;
    /** Messages held in {@link #early}: while any is, a gap is open. */
    private int held;

    private final ReliableChannelStats stats = new ReliableChannelStats();

    private int peerTunnelId;
    private int peerWindow = DEFAULT_PEER_WINDOW;
    private int nextNs;
    private int expectedNs;
    private int cwnd = 1;
    private int ssthresh;
    private int ackedInWindow;
    private int retries;
    private long timeout;
    private long retransmitAt = NEVER;
    private long ackDueAt = NEVER;
    private int unackedReceived;
    /** ZLBs since the last progress that acknowledged only up to our oldest unacknowledged message. */
    private int duplicateAcks;

    private boolean failed;

    public ReliableChannel(ReliableChannelConfig config, Sink sink) {
        this.config = config;
        this.sink = sink;
        this.early = new ControlMessage[config.receiveWindow()];
        this.ssthresh = DEFAULT_PEER_WINDOW;
        this.timeout = config.retransmitInitial();
    }

    /** The tunnel id the peer assigned: every message we send carries it. */
    public void peerTunnelId(int id) {
        this.peerTunnelId = id;
    }

    /** The peer's Receive Window Size AVP (§5.8): the most we keep unacknowledged. */
    public void peerReceiveWindow(int rws, long now) {
        this.peerWindow = Math.max(1, rws);
        this.ssthresh = peerWindow;
        this.cwnd = Math.min(cwnd, peerWindow);
        pump(now);
    }

    /**
     * Queues a control message; {@code avps} start with its Message Type. HELLO, StopCCN and CDN go
     * ahead of other queued messages.
     */
    public void send(int sessionId, List<Avp> avps, long now) {
        if (failed) return;
        Queued q = new Queued(sessionId, List.copyOf(avps));
        if (urgent(q.avps())) {
            urgent.add(q);
        } else {
            normal.add(q);
        }
        pump(now);
    }

    /** A control message (ZLB included) received for this tunnel. */
    public void onReceive(ControlMessage message, long now) {
        if (failed) return;
        L2tpHeader h = message.header();
        boolean progress = acknowledge(h.nr(), now);
        if (message.isZlb()) {
            stats.zlbReceived++;
            if (!progress) duplicateAck(h.nr(), now);
            pump(now);
            return;
        }
        int distance = (short) (h.ns() - expectedNs);
        List<ControlMessage> ready = new ArrayList<>(1);
        if (distance == 0) {
            ready.add(message);
            advance();
            while (early[0] != null) {
                ready.add(early[0]);
                early[0] = null;
                held--;
                advance();
            }
            unackedReceived += ready.size();
            // Like TCP's delayed ack: wait for something to ride on, but not once the peer has
            // half our window outstanding, or a busy peer would stall for the ack delay each time.
            boolean peerWindowFilling = unackedReceived >= Math.max(1, config.receiveWindow() / 2);
            boolean gapFilled = ready.size() > 1 || held > 0;
            ackDueAt = Math.min(ackDueAt, peerWindowFilling || gapFilled ? now : now + config.ackDelay());
        } else if (distance < 0) {
            // Our ack was lost: say again at once what we have.
            stats.duplicates++;
            ackDueAt = now;
        } else if (distance < config.receiveWindow()) {
            stats.outOfOrder++;
            if (early[distance] == null) {
                early[distance] = message;
                held++;
            }
            ackDueAt = now;
        } else {
            stats.outOfWindow++;
        }
        pump(now);
        for (ControlMessage m : ready) {
            stats.delivered++;
            sink.deliver(m);
        }
        flushAck(now);
    }

    /** Drives timers: retransmission and delayed acks. Call at or after {@link #nextWakeup()}. */
    public void onTick(long now) {
        if (failed) return;
        if (retransmitAt <= now && !unacked.isEmpty()) {
            if (retries >= config.maxRetries()) {
                failed = true;
                sink.failed("no acknowledgement for Ns " + unacked.peekFirst().ns + " after " + retries
                        + " retransmissions");
                return;
            }
            retries++;
            duplicateAcks = DUPLICATE_ACKS_FOR_FAST_RETRANSMIT; // the timeout resends; no fast one until progress
            stats.timeouts++;
            ssthresh = Math.max(1, cwnd / 2);
            cwnd = 1;
            ackedInWindow = 0;
            for (InFlight f : unacked) f.needsResend = true;
            timeout = Math.min(timeout * 2, config.retransmitCap());
            retransmitAt = now + timeout;
            pump(now);
        }
        flushAck(now);
    }

    /** When {@link #onTick} next has something to do, or {@link #NEVER}. */
    public long nextWakeup() {
        return failed ? NEVER : Math.min(unacked.isEmpty() ? NEVER : retransmitAt, ackDueAt);
    }

    public boolean failed() {
        return failed;
    }

    /** Messages sent and not yet acknowledged, plus those waiting for window space. */
    public int backlog() {
        return unacked.size() + urgent.size() + normal.size();
    }

    /** Our Ns for the next new message. */
    public int ns() {
        return nextNs;
    }

    /** Our Nr: the next Ns we expect from the peer. */
    public int nr() {
        return expectedNs;
    }

    public int congestionWindow() {
        return cwnd;
    }

    /** The peer's Receive Window Size (4 until it says otherwise). */
    public int peerWindow() {
        return peerWindow;
    }

    public ReliableChannelStats stats() {
        return stats;
    }

    /** True when {@code nr} acknowledged something new. */
    private boolean acknowledge(int nr, long now) {
        int acksBeyondSent = (short) (nr - nextNs);
        if (acksBeyondSent > 0) {
            stats.badNr++;
            return false;
        }
        boolean progress = false;
        for (Iterator<InFlight> it = unacked.iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            if ((short) (nr - f.ns) <= 0) break;
            it.remove();
            progress = true;
            grow();
        }
        if (progress) {
            duplicateAcks = 0;
            retries = 0;
            timeout = config.retransmitInitial();
            retransmitAt = unacked.isEmpty() ? NEVER : now + timeout;
        }
        return progress;
    }

    /**
     * A ZLB that acknowledged nothing new. Only one whose Nr is our oldest unacknowledged message
     * counts: the peer has something after it, so that message is probably lost.
     */
    private void duplicateAck(int nr, long now) {
        InFlight oldest = unacked.peekFirst();
        if (oldest == null || oldest.ns != nr) return;
        if (++duplicateAcks != DUPLICATE_ACKS_FOR_FAST_RETRANSMIT) return;
        stats.fastRetransmits++;
        stats.retransmitted++;
        ssthresh = Math.max(1, cwnd / 2);
        cwnd = ssthresh;
        ackedInWindow = 0;
        retransmitAt = now + timeout;
        transmit(oldest.ns, oldest.sessionId, oldest.avps);
    }

    /** Appendix A: slow start below ssthresh, then one more per window of acknowledgements. */
    private void grow() {
        if (cwnd < ssthresh) {
            cwnd++;
        } else if (++ackedInWindow >= cwnd) {
            ackedInWindow = 0;
            cwnd++;
        }
        cwnd = Math.min(cwnd, peerWindow);
    }

    private void pump(long now) {
        int inFlight = 0;
        for (InFlight f : unacked) {
            if (!f.needsResend) inFlight++;
        }
        for (InFlight f : unacked) {
            if (inFlight >= cwnd) return;
            if (f.needsResend) {
                f.needsResend = false;
                inFlight++;
                stats.retransmitted++;
                transmit(f.ns, f.sessionId, f.avps);
            }
        }
        while (inFlight < cwnd && unacked.size() < peerWindow && !(urgent.isEmpty() && normal.isEmpty())) {
            Queued q = urgent.isEmpty() ? normal.poll() : urgent.poll();
            InFlight f = new InFlight(nextNs, q.sessionId(), q.avps());
            nextNs = (nextNs + 1) & 0xFFFF;
            if (unacked.isEmpty()) retransmitAt = now + timeout;
            unacked.add(f);
            inFlight++;
            stats.sent++;
            transmit(f.ns, f.sessionId, f.avps);
        }
    }

    /** HELLO, StopCCN and CDN: the Message Type AVP (first) says so. */
    private static boolean urgent(List<Avp> avps) {
        if (avps.isEmpty() || !(avps.get(0).value() instanceof MessageType mt)) return false;
        ControlMessageType type = mt.type().orElse(null);
        return type == ControlMessageType.HELLO || type == ControlMessageType.StopCCN || type == ControlMessageType.CDN;
    }

    private void transmit(int ns, int sessionId, List<Avp> avps) {
        sink.transmit(new ControlMessage(L2tpHeader.control(peerTunnelId, sessionId, ns, expectedNs), avps));
        ackDueAt = NEVER; // the message carries our Nr
        unackedReceived = 0;
    }

    private void flushAck(long now) {
        if (ackDueAt <= now) {
            ackDueAt = NEVER;
            unackedReceived = 0;
            stats.zlbSent++;
            sink.transmit(ControlMessage.zlb(peerTunnelId, nextNs, expectedNs));
        }
    }

    /** The next expected Ns moves on; what waited one place further is now next. */
    private void advance() {
        expectedNs = (expectedNs + 1) & 0xFFFF;
        System.arraycopy(early, 1, early, 0, early.length - 1);
        early[early.length - 1] = null;
    }
}
