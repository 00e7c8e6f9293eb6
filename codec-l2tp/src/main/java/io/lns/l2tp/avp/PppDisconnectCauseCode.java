package io.lns.l2tp.avp;

/**
 * PPP Disconnect Cause Code (type 46, RFC 3145): why PPP ended, in a CDN. Never mandatory.
 *
 * @param code disconnect code (§3.1, §3.2 of RFC 3145)
 * @param protocol the PPP control protocol it concerns (0xC021 for LCP), or 0 for global errors
 * @param direction 0 global, 1 at the peer, 2 at the local end
 * @param message optional human-readable text ("" when absent)
 */
public record PppDisconnectCauseCode(int code, int protocol, int direction, String message) implements AvpValue {
    public static final int DIRECTION_GLOBAL = 0;
    public static final int DIRECTION_PEER = 1;
    public static final int DIRECTION_LOCAL = 2;

    public PppDisconnectCauseCode {
        AvpChecks.u16("Disconnect Code", code);
        AvpChecks.u16("Control Protocol Number", protocol);
        AvpChecks.u8("Direction", direction);
        AvpChecks.notNull("Message", message);
    }
}
