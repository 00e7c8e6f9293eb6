package io.lns.ppp.session;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A snapshot of one session's PPP counters, for metrics and the admin API. Frames are PPP control
 * frames and data frames handed to {@link PppSession#receive}; "sent" counts what the session itself
 * sends (control frames only: data goes around it).
 *
 * @param framesReceived every frame handed to the session
 * @param framesSent every frame the session sent
 * @param badFrames frames dropped or refused, by reason; every reason is present
 * @param echoRequestsSent LCP Echo-Requests sent by the keepalive
 * @param echoRepliesReceived LCP Echo-Replies received
 * @param lastEchoRoundTrip nanoseconds (session clock) from our latest answered Echo-Request to its
 *     reply; empty before the first answer
 */
public record PppStats(
        long framesReceived,
        long framesSent,
        Map<BadFrame, Long> badFrames,
        long echoRequestsSent,
        long echoRepliesReceived,
        OptionalLong lastEchoRoundTrip) {

    /** Why a received frame did not do what its sender meant. */
    public enum BadFrame {
        /** Shorter than the 4-octet Code/Identifier/Length header. */
        TRUNCATED,
        /** The Length field is under 4 or beyond the octets received. */
        BAD_LENGTH,
        /** The header is sound but the content is not: an option list or a PAP/CHAP field runs over. */
        BAD_CONTENT,
        /** An unknown code: Code-Rejected (LCP, IPCP, IPv6CP) or dropped (PAP, CHAP). */
        UNKNOWN_CODE,
        /** A protocol we do not run: Protocol-Rejected when LCP is Opened, else dropped. */
        UNKNOWN_PROTOCOL,
        /** A protocol not allowed in the current phase (e.g. IPCP before authentication): dropped. */
        WRONG_PHASE
    }

    public PppStats {
        EnumMap<BadFrame, Long> all = new EnumMap<>(BadFrame.class);
        for (BadFrame b : BadFrame.values()) all.put(b, badFrames.getOrDefault(b, 0L));
        badFrames = Collections.unmodifiableMap(all);
    }

    public long badFrames(BadFrame reason) {
        return badFrames.get(reason);
    }

    public long badFramesTotal() {
        return badFrames.values().stream().mapToLong(Long::longValue).sum();
    }
}
