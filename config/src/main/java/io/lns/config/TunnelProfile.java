package io.lns.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A tunnel profile, complete: fields a named profile does not set come from {@code default}.
 *
 * @param secret tunnel secret for challenge/response and AVP hiding
 * @param authMode who may create a tunnel
 * @param hideAvps hide the AVPs RFC 2661 allows in what we send (needs a secret)
 * @param hideAvpsInSccrp with hideAvps, hide in the SCCRP too; off for xl2tpd LACs, which read the
 *     SCCRP before they load their secret (docs/codec.md)
 * @param helloInterval idle time before a HELLO; zero disables HELLOs
 * @param retransmitInitial first retransmission timeout of the control channel
 * @param retransmitCap longest retransmission timeout after backoff
 * @param maxRetries retransmissions of one message before the tunnel is given up
 * @param receiveWindow our Receive Window Size AVP
 * @param ackDelay how long an acknowledgement may wait for a message to ride on before a ZLB
 * @param setupTimeout how long a tunnel may wait for the peer's SCCCN, and a call for its ICCN
 *     (OCRP, OCCN), before it is cleared; zero waits for ever
 * @param maxSessions sessions this tunnel may carry
 * @param sourcePort the UDP port we answer from
 * @param trace trace categories for tunnels of this profile
 * @param sessionProfile session profile for sessions in these tunnels, unless the request names one
 * @param pppProfile ppp profile for sessions in these tunnels, unless the request or session profile names one
 */
public record TunnelProfile(
        Optional<Secret> secret,
        AuthMode authMode,
        boolean hideAvps,
        boolean hideAvpsInSccrp,
        Duration helloInterval,
        Duration retransmitInitial,
        Duration retransmitCap,
        int maxRetries,
        int receiveWindow,
        Duration ackDelay,
        Duration setupTimeout,
        int maxSessions,
        SourcePort sourcePort,
        TraceMask trace,
        Optional<String> sessionProfile,
        Optional<String> pppProfile) {

    /** The built-in {@code default} tunnel profile. */
    public static final TunnelProfile DEFAULTS = new TunnelProfile(
            Optional.empty(),
            AuthMode.NONE,
            false,
            true,
            Duration.ofSeconds(60),
            Duration.ofSeconds(1),
            Duration.ofSeconds(8),
            5,
            16,
            Duration.ofMillis(100),
            Duration.ofSeconds(60),
            65535,
            SourcePort.AUTO,
            TraceMask.NONE,
            Optional.empty(),
            Optional.empty());

    public TunnelProfile {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(authMode, "authMode");
        Objects.requireNonNull(helloInterval, "helloInterval");
        Objects.requireNonNull(retransmitInitial, "retransmitInitial");
        Objects.requireNonNull(retransmitCap, "retransmitCap");
        Objects.requireNonNull(ackDelay, "ackDelay");
        Objects.requireNonNull(setupTimeout, "setupTimeout");
        Objects.requireNonNull(sourcePort, "sourcePort");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(sessionProfile, "sessionProfile");
        Objects.requireNonNull(pppProfile, "pppProfile");
    }
}
