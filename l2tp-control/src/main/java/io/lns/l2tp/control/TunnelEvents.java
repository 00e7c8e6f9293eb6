package io.lns.l2tp.control;

import io.lns.l2tp.message.ControlMessage;
import java.util.Optional;

/** What an {@link LnsTunnel} tells its owner. Called on the tunnel's thread. */
public interface TunnelEvents {

    /** Send this message to the peer (encode with {@link LnsTunnel#hidingKey()}). */
    void transmit(LnsTunnel tunnel, ControlMessage message);

    default void tunnelEstablished(LnsTunnel tunnel) {}

    /** The tunnel is gone; every session was closed before this. */
    default void tunnelClosed(LnsTunnel tunnel, String reason) {}

    /** May a new incoming call be accepted? A refusal is sent to the LAC in a CDN. */
    default Optional<Refusal> admitSession(LnsTunnel tunnel) {
        return Optional.empty();
    }

    /** ICRQ accepted, ICRP sent. */
    default void sessionCreated(LnsTunnel tunnel, LnsSession session) {}

    /** ICCN (or OCCN) received: the call is up. */
    default void sessionEstablished(LnsTunnel tunnel, LnsSession session) {}

    default void sessionClosed(LnsTunnel tunnel, LnsSession session, String reason) {}

    /** A trace line of {@code category} (a {@link io.lns.config.TraceCategory} bit), only for categories in the tunnel's mask. */
    default void trace(LnsTunnel tunnel, int category, String line) {}
}
