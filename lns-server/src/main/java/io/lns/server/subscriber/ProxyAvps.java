package io.lns.server.subscriber;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.ppp.proxy.ProxyAuth;
import io.lns.ppp.proxy.ProxyAuthType;
import io.lns.ppp.proxy.ProxyLcp;
import java.util.List;
import java.util.Optional;

/** ICCN's proxy LCP and authentication AVPs (RFC 2661 §4.4.5) as PPP's proxy values. */
final class ProxyAvps {
    private ProxyAvps() {}

    /** The LAC's LCP, when it sent both its last request and the peer's (the initial one is optional). */
    static Optional<ProxyLcp> lcp(List<Avp> avps) {
        byte[] initial = null;
        byte[] sent = null;
        byte[] received = null;
        for (Avp a : avps) {
            switch (a.value()) {
                case InitialReceivedLcpConfReq v -> initial = v.options().toByteArray();
                case LastSentLcpConfReq v -> sent = v.options().toByteArray();
                case LastReceivedLcpConfReq v -> received = v.options().toByteArray();
                default -> {}
            }
        }
        if (sent == null || received == null) return Optional.empty();
        return Optional.of(new ProxyLcp(initial, sent, received));
    }

    /** The proxied authentication, when its type is one PPP knows and the name came with it. */
    static Optional<ProxyAuth> auth(List<Avp> avps) {
        Optional<ProxyAuthType> type = Optional.empty();
        String name = null;
        byte[] challenge = new byte[0];
        int id = 0;
        byte[] response = new byte[0];
        for (Avp a : avps) {
            switch (a.value()) {
                case ProxyAuthenType v -> type = ProxyAuthType.fromCode(v.type());
                case ProxyAuthenName v -> name = v.name();
                case ProxyAuthenChallenge v -> challenge = v.challenge().toByteArray();
                case ProxyAuthenId v -> id = v.value() & 0xFF;
                case ProxyAuthenResponse v -> response = v.response().toByteArray();
                default -> {}
            }
        }
        if (type.isEmpty()) return Optional.empty();
        if (type.get() == ProxyAuthType.NONE) return Optional.of(ProxyAuth.none());
        if (name == null) return Optional.empty();
        return Optional.of(new ProxyAuth(type.get(), name, challenge, id, response));
    }
}
