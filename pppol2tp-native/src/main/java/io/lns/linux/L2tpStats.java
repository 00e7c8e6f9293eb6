package io.lns.linux;

/**
 * The kernel's L2TP counters for a session or tunnel (kernel/FACTS.md §2.3 STATS, §3
 * PPPIOCGL2TPSTATS). Byte counts include the L2TP header (6 bytes, 10 with sequencing), FF 03 and
 * the 2-byte protocol, not only the IP packet; the ppp netdev's own counters count IP packets only.
 */
public record L2tpStats(
        long txPackets,
        long txBytes,
        long txErrors,
        long rxPackets,
        long rxBytes,
        long rxSeqDiscards,
        long rxOosPackets,
        long rxErrors) {
    public static final L2tpStats ZERO = new L2tpStats(0, 0, 0, 0, 0, 0, 0, 0);

    /** Field by field sum, for totals over sessions. */
    public L2tpStats plus(L2tpStats o) {
        return new L2tpStats(
                txPackets + o.txPackets,
                txBytes + o.txBytes,
                txErrors + o.txErrors,
                rxPackets + o.rxPackets,
                rxBytes + o.rxBytes,
                rxSeqDiscards + o.rxSeqDiscards,
                rxOosPackets + o.rxOosPackets,
                rxErrors + o.rxErrors);
    }
}
