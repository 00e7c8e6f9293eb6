package io.lns.ppp.session;

import io.lns.ppp.auth.AuthResult;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.proxy.ProxyOutcome;
import java.net.Inet4Address;
import java.util.Optional;

/** Output of a {@link PppSession}. All calls but {@link #authResultReady} come from the owner's thread. */
public interface PppSessionSink {
    /** Send a PPP frame of {@code protocol} with {@code information}. */
    void sendFrame(int protocol, byte[] information);

    /** Call {@link PppSession#tick} at or after {@code deadline}; {@code Long.MAX_VALUE}: no timer. */
    void timerWanted(long deadline);

    default void phaseChanged(PppPhase from, PppPhase to) {}

    /**
     * Authenticator role: an IPv4 address for the peer, leased now because the authenticator gave
     * no fixed one; empty when the pool is exhausted (the session then closes). The lease is the
     * sink's to keep and return when the session ends.
     */
    default Optional<Inet4Address> leaseAddress() {
        return Optional.empty();
    }

    /** IPCP opened: the session carries IPv4 now. */
    void sessionUp(SessionInfo info);

    /** The session is over (LCP finished or the lower layer went down); reported once. */
    void sessionDown(String reason);

    /** IPv6CP opened (possibly after {@link #sessionUp}). */
    default void ipv6Up(long localInterfaceId, long peerInterfaceId) {}

    /**
     * Which way the establish phase went with respect to proxy LCP (RFC 2661 §4.4.5); reported once,
     * during {@link PppSession#start}, for every session — {@link ProxyOutcome#NOT_OFFERED} when the
     * LAC sent none.
     */
    default void proxyOutcome(ProxyOutcome outcome) {}

    /** Our LCP Echo-Request was answered after {@code nanos}. */
    default void echoRoundTrip(long nanos) {}

    /** An IPv4 or IPv6 datagram frame arrived while the matching NCP is Opened. */
    default void dataFrame(PppFrame frame) {}

    /**
     * The {@code Authenticator} answered request {@code token}. May be called on any thread (the one
     * completing the authenticator's stage): hop to the owner's thread and call {@link
     * PppSession#onAuthResult(long, AuthResult, long)} there.
     */
    void authResultReady(long token, AuthResult result);
}
