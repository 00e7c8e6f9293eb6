package io.lns.ppp.session;

import io.lns.ppp.lcp.Lcp;
import io.lns.ppp.session.PppStats.BadFrame;
import java.util.EnumMap;
import java.util.OptionalLong;

/** The mutable side of {@link PppStats}: what a session counts as frames go by. */
final class PppCounters {
    private long received;
    private long sent;
    private final long[] bad = new long[BadFrame.values().length];

    void received() {
        received++;
    }

    void sent() {
        sent++;
    }

    void bad(BadFrame reason) {
        bad[reason.ordinal()]++;
    }

    /**
     * Counts a control or PAP/CHAP packet that failed to decode, by what is wrong with it: its
     * Code/Identifier/Length header, its code (when {@code highestCode} is exceeded), or its content.
     */
    void undecodable(byte[] info, int highestCode) {
        if (info.length < 4) {
            bad(BadFrame.TRUNCATED);
            return;
        }
        int length = ((info[2] & 0xFF) << 8) | (info[3] & 0xFF);
        int code = info[0] & 0xFF;
        if (length < 4 || length > info.length) bad(BadFrame.BAD_LENGTH);
        else if (code < 1 || code > highestCode) bad(BadFrame.UNKNOWN_CODE);
        else bad(BadFrame.BAD_CONTENT);
    }

    PppStats snapshot(Lcp lcp) {
        EnumMap<BadFrame, Long> byReason = new EnumMap<>(BadFrame.class);
        for (BadFrame b : BadFrame.values()) byReason.put(b, bad[b.ordinal()]);
        long rtt = lcp.lastEchoRoundTrip();
        return new PppStats(
                received,
                sent,
                byReason,
                lcp.echoRequestsSent(),
                lcp.echoRepliesReceived(),
                rtt < 0 ? OptionalLong.empty() : OptionalLong.of(rtt));
    }
}
