package io.lns.ppp.lcp;

import io.lns.ppp.fsm.FsmConfig;
import java.time.Duration;
import java.util.List;

/**
 * What our LCP asks for and accepts.
 *
 * @param mru our MRU to request, or {@code null}
 * @param requestAuth authenticator role: protocols to request, in order of preference
 * @param acceptAuth peer role: protocols we can authenticate with, in order of preference
 * @param echoInterval keepalive interval, {@link Duration#ZERO} for none
 * @param echoFailures unanswered Echo-Requests before the link is declared dead
 * @param requestMrru request a Multilink MRRU (only to mimic other servers), or {@code null}
 * @param requestEndpointDiscriminator likewise, the Endpoint Discriminator value, or {@code null}
 */
public record LcpConfig(
        FsmConfig fsm,
        Integer mru,
        List<AuthProtocol> requestAuth,
        List<AuthProtocol> acceptAuth,
        Duration echoInterval,
        int echoFailures,
        Integer requestMrru,
        byte[] requestEndpointDiscriminator) {
    public static final int MINIMUM_MRU = 576;

    public LcpConfig {
        requestAuth = List.copyOf(requestAuth);
        acceptAuth = List.copyOf(acceptAuth);
        if (echoFailures < 1) {
            throw new IllegalArgumentException("echoFailures must be at least 1");
        }
    }

    /** The LNS side: request {@code auth} in order, echo every 30 s, dead after 5 misses. */
    public static LcpConfig authenticator(Integer mru, List<AuthProtocol> auth) {
        return new LcpConfig(FsmConfig.DEFAULT, mru, auth, List.of(), Duration.ofSeconds(30), 5, null, null);
    }

    /** The subscriber side (load tester): authenticate ourselves with any of {@code auth}. */
    public static LcpConfig peer(Integer mru, List<AuthProtocol> auth) {
        return new LcpConfig(FsmConfig.DEFAULT, mru, List.of(), auth, Duration.ZERO, 5, null, null);
    }

    public LcpConfig withEcho(Duration interval, int failures) {
        return new LcpConfig(
                fsm, mru, requestAuth, acceptAuth, interval, failures, requestMrru, requestEndpointDiscriminator);
    }

    public LcpConfig withMultilinkRequest(Integer mrru, byte[] endpointDiscriminator) {
        return new LcpConfig(
                fsm, mru, requestAuth, acceptAuth, echoInterval, echoFailures, mrru, endpointDiscriminator);
    }
}
