package io.lns.loadtest.subscriber;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyLcp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What a BRAS-like LAC negotiated with a subscriber before placing its call (RFC 2661 §4.4.5): the
 * LCP Configure-Requests both sides agreed, and the authentication the LAC ran. The LNS gets them in
 * the ICCN; the subscriber's PPP starts from the same values, so neither renegotiates LCP and, for
 * PAP and CHAP, the LNS checks the proxied credentials instead of asking again. MS-CHAPv2 has no
 * Proxy Authen Type: the LCP is proxied and the LNS authenticates the subscriber itself.
 */
public record ProxyDial(ProxyLcp lcp, Optional<ProxyAuth> auth) {
    /** The MRU the simulated LAC asked of the subscriber. */
    static final int LAC_MRU = 1460;

    private static final int CHALLENGE_LENGTH = 16;

    /**
     * The proxy values for subscriber {@code index}: the protocol {@code --auth} gives it (CHAP for
     * {@link AuthChoice#ANY}), fresh magic numbers and, for CHAP, a fresh challenge.
     */
    public static ProxyDial forSubscriber(long index, SubscriberConfig config, RandomGenerator random) {
        AuthProtocol method = config.auth() == AuthChoice.ANY
                ? AuthProtocol.CHAP_MD5
                : config.auth().accepted(index).getFirst();
        int subscriberMagic = nonZero(random);
        int lacMagic = nonZero(random);
        while (lacMagic == subscriberMagic) lacMagic = nonZero(random);
        ProxyLcp lcp = ProxyLcp.forSubscriber(config.mru(), subscriberMagic, LAC_MRU, method, lacMagic);
        String user = config.userName(index);
        Optional<ProxyAuth> auth = switch (method) {
            case PAP -> Optional.of(ProxyAuth.pap(user, config.password()));
            case CHAP_MD5 -> {
                byte[] challenge = new byte[CHALLENGE_LENGTH];
                random.nextBytes(challenge);
                yield Optional.of(ProxyAuth.chap(random.nextInt(256), challenge, user, config.password()));
            }
            case MSCHAP_V2 -> Optional.empty();
        };
        return new ProxyDial(lcp, auth);
    }

    /**
     * The ICCN's proxy AVPs. With {@code hide} (tunnel secret and {@code --hide}), the name,
     * challenge and response are hidden (§4.3): a PAP response is the subscriber's password.
     */
    public List<Avp> iccnAvps(boolean hide) {
        List<Avp> avps = new ArrayList<>(8);
        avps.add(Avp.of(new InitialReceivedLcpConfReq(Octets.of(lcp.initialReceived()))));
        avps.add(Avp.of(new LastSentLcpConfReq(Octets.of(lcp.lastSent()))));
        avps.add(Avp.of(new LastReceivedLcpConfReq(Octets.of(lcp.lastReceived()))));
        if (auth.isPresent()) {
            ProxyAuth a = auth.get();
            avps.add(Avp.of(new ProxyAuthenType(a.type().code())));
            avps.add(hidable(new ProxyAuthenName(a.name()), hide));
            if (a.challenge().length > 0) avps.add(hidable(new ProxyAuthenChallenge(Octets.of(a.challenge())), hide));
            avps.add(Avp.of(ProxyAuthenId.ofIdentifier(a.id())));
            avps.add(hidable(new ProxyAuthenResponse(Octets.of(a.response())), hide));
        }
        return avps;
    }

    private static Avp hidable(AvpValue v, boolean hide) {
        return hide ? Avp.hidden(v) : Avp.of(v);
    }

    private static int nonZero(RandomGenerator random) {
        int v = 0;
        for (int i = 0; i < 8 && v == 0; i++) v = random.nextInt();
        return v == 0 ? 1 : v;
    }

    @Override
    public String toString() {
        return "ProxyDial[" + lcp + ", " + auth + "]"; // ProxyAuth redacts its response
    }
}
