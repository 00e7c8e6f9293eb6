package io.lns.loadtest.subscriber;

import io.lns.ppp.lcp.AuthProtocol;
import java.util.List;

/**
 * Which authentication protocol the simulated subscribers accept from the LNS (LCP
 * Authentication-Protocol, RFC 1661 §6.2). With one protocol, the subscriber Naks any other the
 * LNS asks for, suggesting its own; {@link #ANY} accepts whatever is asked.
 */
public enum AuthChoice {
    /** Accept PAP, CHAP-MD5 or MS-CHAPv2, whichever the LNS asks for. */
    ANY,
    PAP,
    CHAP,
    MSCHAPV2,
    /** PAP, CHAP, MS-CHAPv2 round robin by session index (1: PAP, 2: CHAP, 3: MS-CHAPv2, 4: PAP...). */
    MIX;

    private static final List<AuthProtocol> ALL =
            List.of(AuthProtocol.PAP, AuthProtocol.CHAP_MD5, AuthProtocol.MSCHAP_V2);

    /** The protocols subscriber {@code index} (1-based) accepts, the preferred first. */
    public List<AuthProtocol> accepted(long index) {
        return switch (this) {
            case ANY -> ALL;
            case PAP -> List.of(AuthProtocol.PAP);
            case CHAP -> List.of(AuthProtocol.CHAP_MD5);
            case MSCHAPV2 -> List.of(AuthProtocol.MSCHAP_V2);
            case MIX -> List.of(ALL.get((int) Math.floorMod(index - 1, 3L)));
        };
    }

    /** Parses the command line's spelling: any, pap, chap, mschapv2, mix. */
    public static AuthChoice parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "any" -> ANY;
            case "pap" -> PAP;
            case "chap", "chap-md5" -> CHAP;
            case "mschapv2", "ms-chapv2", "mschap-v2" -> MSCHAPV2;
            case "mix" -> MIX;
            default -> throw new IllegalArgumentException("--auth: any, pap, chap, mschapv2 or mix, not " + s);
        };
    }
}
