package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InheritanceTest {

    private static final String YAML = """
            peer-profiles:
              default:
                session-profile: plain
              isp-a:
                addresses: [192.0.2.0/24]
                tunnel-profile: gold
              isp-b:
                addresses: [198.51.100.0/24]
                tunnel-profile: silver
                ppp-profile: isp-b
            tunnel-profiles:
              default:
                hello-interval: 30s
                max-retries: 7
              gold:
                secret: s3cret
                auth-mode: challenge
                hello-interval: 10s
                session-profile: seq
              silver:
                receive-window: 64
            session-profiles:
              plain: {}
              seq:
                sequencing: require
                ppp-profile: seq-ppp
            ppp-profiles:
              seq-ppp: {}
              isp-b: {}
            """;

    private final Config c = Yamls.parse(YAML);

    @Test
    void namedProfilesOverrideOnlyWhatTheySet() {
        TunnelProfile gold = c.resolveTunnel("gold");
        assertThat(gold.helloInterval()).isEqualTo(Duration.ofSeconds(10)); // own
        assertThat(gold.maxRetries()).isEqualTo(7); // from the written default
        assertThat(gold.receiveWindow()).isEqualTo(16); // from the built-in default
        assertThat(gold.authMode()).isEqualTo(AuthMode.CHALLENGE);

        TunnelProfile silver = c.resolveTunnel("silver");
        assertThat(silver.helloInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(silver.receiveWindow()).isEqualTo(64);
        assertThat(silver.secret()).isEmpty();

        TunnelProfile dflt = c.resolveTunnel("default");
        assertThat(dflt.helloInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(dflt.retransmitCap()).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void unknownOrNullNamesResolveToDefault() {
        assertThat(c.resolveTunnel("nope")).isSameAs(c.tunnelProfiles().get("default"));
        assertThat(c.resolveSession(null)).isSameAs(c.sessionProfiles().get("default"));
        assertThat(c.resolvePeer("nope")).isSameAs(c.peerProfiles().get("default"));
        assertThat(c.resolvePpp("nope")).isSameAs(c.pppProfiles().get("default"));
    }

    @Test
    void peerReferencesFallBackToTheDefaultPeer() {
        PeerProfile a = c.resolvePeer("isp-a");
        assertThat(a.tunnelProfile()).isEqualTo("gold");
        assertThat(a.sessionProfile()).isEqualTo("plain"); // from peer-profiles.default
        assertThat(a.pppProfile()).isEqualTo("default");
    }

    @Test
    void sessionProfileChainIsRequestThenTunnelThenPeerThenDefault() {
        PeerProfile a = c.resolvePeer("isp-a");
        TunnelProfile gold = c.resolveTunnel(c.tunnelProfileName(null, a));
        assertThat(c.tunnelProfileName(null, a)).isEqualTo("gold");
        assertThat(c.tunnelProfileName("silver", a)).isEqualTo("silver");

        assertThat(c.sessionProfileName("plain", gold, a)).isEqualTo("plain"); // request
        assertThat(c.sessionProfileName(null, gold, a)).isEqualTo("seq"); // tunnel profile
        PeerProfile b = c.resolvePeer("isp-b");
        TunnelProfile silver = c.resolveTunnel("silver");
        assertThat(c.sessionProfileName(null, silver, b)).isEqualTo("plain"); // peer (via default peer)
        assertThat(c.sessionProfileName("gone", silver, PeerProfile.DEFAULTS)).isEqualTo("default");
    }

    @Test
    void pppProfileChainIsRequestThenSessionThenTunnelThenPeer() {
        PeerProfile a = c.resolvePeer("isp-a");
        PeerProfile b = c.resolvePeer("isp-b");
        TunnelProfile gold = c.resolveTunnel("gold");
        TunnelProfile silver = c.resolveTunnel("silver");
        SessionProfile seq = c.resolveSession("seq");
        SessionProfile plain = c.resolveSession("plain");
        assertThat(c.pppProfileName("isp-b", seq, gold, a)).isEqualTo("isp-b");
        assertThat(c.pppProfileName(null, seq, gold, a)).isEqualTo("seq-ppp");
        assertThat(c.pppProfileName(null, plain, silver, b)).isEqualTo("isp-b");
        assertThat(c.pppProfileName(null, plain, silver, a)).isEqualTo("default");
    }

    @Test
    void staleNamesFromAnOlderSnapshotAreSkipped() {
        // A tunnel created under an older config whose session profile has since been removed.
        TunnelProfile old = new TunnelProfile(
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
                100,
                SourcePort.AUTO,
                TraceMask.NONE,
                Optional.of("removed"),
                Optional.empty());
        assertThat(c.sessionProfileName(null, old, c.resolvePeer("isp-a"))).isEqualTo("plain");
    }

    @Test
    void writtenDefaultChangesWhatEveryNamedProfileInherits() {
        Config more = Yamls.parse(YAML.replace("max-retries: 7", "max-retries: 9"));
        assertThat(more.resolveTunnel("gold").maxRetries()).isEqualTo(9);
        assertThat(more.resolveTunnel("silver").maxRetries()).isEqualTo(9);
    }

    @Test
    void referencesInheritToo() {
        Config x = Yamls.parse("""
                tunnel-profiles:
                  default: {session-profile: s}
                  t: {}
                session-profiles:
                  s: {sequencing: prefer}
                """);
        assertThat(x.resolveTunnel("t").sessionProfile()).contains("s");
        assertThat(x.sessionProfileName(null, x.resolveTunnel("t"), PeerProfile.DEFAULTS))
                .isEqualTo("s");
    }

    @Test
    void anEmptyStringSecretClearsAnInheritedOne() {
        Config x = Yamls.parse("tunnel-profiles:\n  default: {secret: abc}\n  open: {secret: \"\"}\n");
        assertThat(x.resolveTunnel("default").secret()).contains(Secret.of("abc"));
        assertThat(x.resolveTunnel("open").secret()).isEmpty();
    }
}
