package io.lns.loadtest.ip;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A paced stream of ICMP Echo requests or UDP datagrams from one subscriber to one target: {@code
 * count} probes, one every {@code interval}, the first at {@link #start}. Replies are matched by
 * identifier (ICMP) or port and payload tag (UDP) and sequence number; a probe without a reply
 * within {@code replyTimeout} is lost, a reply after that (or a second one) is late. Sans-IO: call
 * {@link #tick} at {@link #nextWakeup}.
 */
public final class ProbeStream {
    public static final long NEVER = Long.MAX_VALUE;
    /** ICMP data length, as ping's default. */
    public static final int ICMP_DATA = 56;
    /** UDP payloads start with this tag, then our identifier and the sequence number. */
    public static final int UDP_MIN_PAYLOAD = 8;

    private static final byte[] ICMP_TAG = {'l', 'n', 's', 'P'};
    private static final byte[] UDP_TAG = {'l', 'n', 's', 'U'};

    public enum Kind {
        ICMP_ECHO,
        UDP
    }

    /** Where results go (shared by the streams of many subscribers). */
    public interface Tally {
        void sent(Kind kind);

        void replied(Kind kind, long rttNanos);

        void late(Kind kind);
    }

    private final Kind kind;
    private final IpStack ip;
    private final int target;
    private final int targetPort;
    private final int localPort;
    private final int identifier;
    private final int count;
    private final long interval;
    private final long replyTimeout;
    private final int size;
    private final Tally tally;

    private final Map<Integer, Long> outstanding = new HashMap<>();
    /** Sequence numbers in sending order, for expiry (their deadlines are in the same order). */
    private final ArrayDeque<long[]> expiry = new ArrayDeque<>();

    private int sent;
    private long nextSendAt = NEVER;

    /**
     * @param targetPort UDP only: the target's port
     * @param localPort UDP only: our source port
     * @param size UDP only: payload octets, at least {@link #UDP_MIN_PAYLOAD}
     */
    public ProbeStream(
            Kind kind,
            IpStack ip,
            int target,
            int targetPort,
            int localPort,
            int identifier,
            int count,
            long interval,
            long replyTimeout,
            int size,
            Tally tally) {
        if (count < 0 || count > 0x10000) throw new IllegalArgumentException("count 0..65536");
        if (interval <= 0 || replyTimeout <= 0) throw new IllegalArgumentException("interval and timeout positive");
        if (kind == Kind.UDP && size < UDP_MIN_PAYLOAD) {
            throw new IllegalArgumentException("UDP payload at least " + UDP_MIN_PAYLOAD + " octets");
        }
        this.kind = kind;
        this.ip = ip;
        this.target = target;
        this.targetPort = targetPort;
        this.localPort = localPort;
        this.identifier = identifier & 0xFFFF;
        this.count = count;
        this.interval = interval;
        this.replyTimeout = replyTimeout;
        this.size = size;
        this.tally = tally;
        ip.register(this);
    }

    public void start(long now) {
        if (count > 0 && sent == 0 && nextSendAt == NEVER) nextSendAt = now;
        tick(now);
    }

    /** Sends what is due, expires what waited too long. */
    public void tick(long now) {
        // bounded: at most every remaining probe once
        while (sent < count && nextSendAt <= now) {
            send(sent, now);
            sent++;
            nextSendAt = sent < count ? nextSendAt + interval : NEVER;
        }
        while (!expiry.isEmpty() && expiry.peekFirst()[1] + replyTimeout <= now) {
            outstanding.remove((int) expiry.pollFirst()[0]); // lost: counted as sent - replied
        }
    }

    public long nextWakeup() {
        long t = nextSendAt;
        if (!expiry.isEmpty()) t = Math.min(t, expiry.peekFirst()[1] + replyTimeout);
        return t;
    }

    /** Every probe sent and every reply received or given up on. */
    public boolean done() {
        return sent >= count && outstanding.isEmpty();
    }

    public int sent() {
        return sent;
    }

    /** Stops sending; what is outstanding stays lost. */
    public void stop() {
        nextSendAt = NEVER;
        sent = count;
        outstanding.clear();
        expiry.clear();
    }

    private void send(int seq, long now) {
        int sequence = seq & 0xFFFF;
        if (kind == Kind.ICMP_ECHO) {
            byte[] data = new byte[ICMP_DATA];
            System.arraycopy(ICMP_TAG, 0, data, 0, ICMP_TAG.length);
            for (int i = ICMP_TAG.length; i < data.length; i++) data[i] = (byte) i;
            ip.sendIcmp(ip.address(), target, new IcmpEcho(false, identifier, sequence, data));
        } else {
            byte[] payload = new byte[size];
            System.arraycopy(UDP_TAG, 0, payload, 0, UDP_TAG.length);
            Ipv4.putU16(payload, 4, identifier);
            Ipv4.putU16(payload, 6, sequence);
            ip.sendUdp(ip.address(), target, new UdpDatagram(localPort, targetPort, payload));
        }
        outstanding.put(sequence, now);
        expiry.addLast(new long[] {sequence, now});
        tally.sent(kind);
    }

    boolean onEchoReply(int from, IcmpEcho e, long now) {
        if (kind != Kind.ICMP_ECHO || from != target || e.identifier() != identifier) return false;
        matched(e.sequence(), now);
        return true;
    }

    boolean onUdp(int from, UdpDatagram d, long now) {
        if (kind != Kind.UDP || from != target || d.sourcePort() != targetPort || d.destinationPort() != localPort) {
            return false;
        }
        byte[] p = d.payload();
        if (p.length < UDP_MIN_PAYLOAD || Ipv4.get(p, 0) != Ipv4.get(UDP_TAG, 0) || Ipv4.u16(p, 4) != identifier) {
            return false;
        }
        matched(Ipv4.u16(p, 6), now);
        return true;
    }

    private void matched(int sequence, long now) {
        Long at = outstanding.remove(sequence);
        if (at == null) {
            tally.late(kind);
            return;
        }
        tally.replied(kind, now - at);
    }
}
