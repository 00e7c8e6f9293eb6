package io.lns.loadtest.lac;

import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.ResultCodes;

/**
 * Why a tunnel or call did not come up, or went down: the LNS's StopCCN or CDN with its Result
 * Code AVP (RFC 2661 §4.4.2), or something seen on our side (timeout, silent peer, failed tunnel
 * authentication, a message we could not use, the subscriber's PPP failing).
 *
 * @param result the Result Code's result, or -1 when the failure has none
 * @param error the Result Code's error code, or -1 when absent
 * @param detail the LNS's error message, or our own explanation
 */
public record Failure(Kind kind, int result, int error, String detail) {

    public enum Kind {
        /** The LNS sent a StopCCN. */
        STOPCCN,
        /** The LNS sent a CDN. */
        CDN,
        /** A setup step did not complete in time. */
        TIMEOUT,
        /** The LNS stopped acknowledging: the reliable channel gave up (§5.8). */
        NO_ACK,
        /** Tunnel authentication failed (§5.1.1). */
        AUTH,
        /** The LNS sent something we cannot go on with (missing AVP, hidden AVP we cannot reveal). */
        PROTOCOL,
        /** A call could not be made or went down because its tunnel failed or closed. */
        TUNNEL_DOWN,
        /** A local problem, e.g. the socket could not be opened. */
        LOCAL,
        /** The subscriber's PPP failed or ended: LCP, IPCP (RFC 1661, 1332). */
        PPP,
        /** The subscriber's PPP authentication failed: rejected by the LNS, timed out. */
        PPP_AUTH
    }

    public static final int NONE = -1;

    public Failure {
        detail = detail == null ? "" : detail;
    }

    public static Failure of(Kind kind, String detail) {
        return new Failure(kind, NONE, NONE, detail);
    }

    /** A StopCCN or CDN from the peer, from its Result Code AVP (absent: result and error -1). */
    public static Failure fromPeer(ControlMessageType type, ResultCode rc) {
        Kind kind = type == ControlMessageType.StopCCN ? Kind.STOPCCN : Kind.CDN;
        if (rc == null) return new Failure(kind, NONE, NONE, "no Result Code AVP");
        return new Failure(kind, rc.result(), rc.hasError() ? rc.error() : NONE, rc.message());
    }

    /** A call's failure caused by its tunnel's. */
    public static Failure tunnelDown(Failure tunnel) {
        return new Failure(Kind.TUNNEL_DOWN, tunnel.result, tunnel.error, tunnel.key());
    }

    /**
     * What failures are grouped by in the report: kind and codes, and for our own failures the
     * detail (which is fixed text). The LNS's error message is not part of it: it may carry ids.
     */
    public String key() {
        return switch (kind) {
            case STOPCCN -> "StopCCN " + codes();
            case CDN -> "CDN " + codes();
            case TIMEOUT -> "timeout: " + detail;
            case NO_ACK -> "no acknowledgement from the LNS";
            case AUTH -> "tunnel authentication: " + detail;
            case PROTOCOL -> "protocol: " + detail;
            case TUNNEL_DOWN -> "tunnel down (" + detail + ")";
            case LOCAL -> "local: " + detail;
            case PPP -> "PPP: " + detail;
            case PPP_AUTH -> "PPP authentication: " + detail;
        };
    }

    /** The RFC's words for the result and error codes, and the peer's message when it gave one. */
    public String description() {
        ControlMessageType in = switch (kind) {
            case STOPCCN -> ControlMessageType.StopCCN;
            case CDN -> ControlMessageType.CDN;
            default -> null;
        };
        if (in == null) return kind == Kind.NO_ACK ? detail : "";
        StringBuilder sb = new StringBuilder();
        String r = result == NONE ? null : ResultCodes.describeResult(in, result);
        sb.append(r == null ? "result " + result : r);
        if (error != NONE) {
            String e = ResultCodes.describeError(error);
            sb.append("; ").append(e == null ? "error " + error : e);
        }
        if (!detail.isEmpty()) sb.append(" \"").append(detail).append('"');
        return sb.toString();
    }

    private String codes() {
        if (result == NONE) return "without Result Code";
        return "result=" + result + (error == NONE ? "" : " error=" + error);
    }
}
