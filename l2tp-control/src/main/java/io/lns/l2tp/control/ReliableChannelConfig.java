package io.lns.l2tp.control;

/**
 * Settings of one tunnel's reliable control channel (RFC 2661 §5.8). Times in nanoseconds of
 * whatever clock drives the channel.
 *
 * @param receiveWindow how many messages we accept beyond the next expected one (our RWS)
 * @param retransmitInitial first retransmission timeout
 * @param retransmitCap longest retransmission timeout after exponential backoff
 * @param maxRetries retransmissions of one message before the channel gives up
 * @param ackDelay how long an acknowledgement may wait for a message to ride on before a ZLB
 *     carries it
 */
public record ReliableChannelConfig(
        int receiveWindow, long retransmitInitial, long retransmitCap, int maxRetries, long ackDelay) {

    private static final long MS = 1_000_000L;

    /** RFC 2661 defaults as lns uses them: RWS 16, 1 s doubling to 8 s, 5 retries, 100 ms ack delay. */
    public static final ReliableChannelConfig DEFAULTS =
            new ReliableChannelConfig(16, 1000 * MS, 8000 * MS, 5, 100 * MS);

    public ReliableChannelConfig {
        if (receiveWindow < 1 || receiveWindow > 0x7FFF) throw new IllegalArgumentException("receiveWindow 1..32767");
        if (retransmitInitial <= 0 || retransmitCap < retransmitInitial) {
            throw new IllegalArgumentException("0 < retransmitInitial <= retransmitCap");
        }
        if (maxRetries < 0) throw new IllegalArgumentException("maxRetries >= 0");
        if (ackDelay < 0) throw new IllegalArgumentException("ackDelay >= 0");
    }
}
