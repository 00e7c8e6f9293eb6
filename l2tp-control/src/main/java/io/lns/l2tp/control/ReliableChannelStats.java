package io.lns.l2tp.control;

/** Counters of one reliable channel, for per-tunnel status and the system totals. */
public final class ReliableChannelStats {
    long sent;
    long retransmitted;
    long timeouts;
    long fastRetransmits;
    long delivered;
    long duplicates;
    long outOfOrder;
    long outOfWindow;
    long badNr;
    long zlbSent;
    long zlbReceived;

    /** New control messages sent (retransmissions and ZLBs not counted). */
    public long sent() {
        return sent;
    }

    public long retransmitted() {
        return retransmitted;
    }

    /** Messages resent on duplicate acknowledgements, before their timeout (also in retransmitted). */
    public long fastRetransmits() {
        return fastRetransmits;
    }

    /** Retransmission timeouts that fired. */
    public long timeouts() {
        return timeouts;
    }

    public long delivered() {
        return delivered;
    }

    /** Messages received again (our acknowledgement was lost); re-acknowledged. */
    public long duplicates() {
        return duplicates;
    }

    /** Messages that arrived early, within our window; kept until their turn. */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Messages too far ahead of the next expected Ns; dropped. */
    public long outOfWindow() {
        return outOfWindow;
    }

    /** Received Nr values acknowledging messages we never sent; ignored. */
    public long badNr() {
        return badNr;
    }

    public long zlbSent() {
        return zlbSent;
    }

    public long zlbReceived() {
        return zlbReceived;
    }
}
