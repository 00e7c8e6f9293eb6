package io.lns.loadtest.ip;

/** What {@link IpStack}s saw; one instance may serve every stack driven by one thread. */
public final class IpCounters {
    long received;
    long malformed;
    long echoRequestsAnswered;
    long notForUs;
    long unmatched;

    /** Datagrams received. */
    public long received() {
        return received;
    }

    /** Datagrams that failed to decode (bad checksums, truncated, fragments). */
    public long malformed() {
        return malformed;
    }

    /** ICMP Echo requests to our address, answered. */
    public long echoRequestsAnswered() {
        return echoRequestsAnswered;
    }

    /** Datagrams to another address than ours. */
    public long notForUs() {
        return notForUs;
    }

    /** Datagrams for us that no probe was waiting for (other ICMP types, other protocols, stray UDP). */
    public long unmatched() {
        return unmatched;
    }
}
