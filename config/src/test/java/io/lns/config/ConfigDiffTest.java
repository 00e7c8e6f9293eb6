package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private static final String BASE = """
            system:
              max-tunnels: 100
              new-call-rate: {per-second: 10, burst: 20}
            peer-profiles:
              isp-a: {addresses: [192.0.2.0/24], tunnel-profile: gold}
            tunnel-profiles:
              gold: {hello-interval: 10s}
              silver: {}
            session-profiles:
              seq: {sequencing: require}
            """;

    @Test
    void identicalConfigsHaveNoChanges() {
        ConfigDiff d = ConfigDiff.between(Yamls.parse(BASE), Yamls.parse(BASE));
        assertThat(d.isEmpty()).isTrue();
        assertThat(d).hasToString("no changes");
    }

    @Test
    void listsChangedSystemFieldsAndProfiles() {
        String changed = """
                system:
                  max-tunnels: 200
                  new-call-rate: {per-second: 10, burst: 40}
                  listen-addresses: [0.0.0.0, "::"]
                  trace: [PROTOCOL, FSM]
                peer-profiles:
                  isp-a: {addresses: [192.0.2.0/24, 198.51.100.0/24], tunnel-profile: gold}
                tunnel-profiles:
                  gold: {hello-interval: 20s, source-port: 1701}
                  bronze: {}
                session-profiles:
                  seq: {sequencing: require}
                ppp-profiles:
                  extra: {}
                """;
        ConfigDiff d = ConfigDiff.between(Yamls.parse(BASE), Yamls.parse(changed));
        assertThat(d.changes())
                .extracting(ConfigDiff.Change::toString)
                .containsExactly(
                        "~ system.listen-addresses: [0.0.0.0] -> [0.0.0.0, ::]",
                        "~ system.max-tunnels: 100 -> 200",
                        "~ system.new-call-rate.burst: 20 -> 40",
                        "~ system.trace: NONE -> PROTOCOL|FSM",
                        "~ peer-profiles.isp-a.addresses: [192.0.2.0/24] -> [192.0.2.0/24, 198.51.100.0/24]",
                        "- tunnel-profiles.silver",
                        "~ tunnel-profiles.gold.hello-interval: 10s -> 20s",
                        "~ tunnel-profiles.gold.source-port: auto -> 1701",
                        "+ tunnel-profiles.bronze",
                        "+ ppp-profiles.extra");
        assertThat(d.touches("system.new-call-rate")).isTrue();
        assertThat(d.touches("tunnel-profiles.gold")).isTrue();
        assertThat(d.touches("session-profiles")).isFalse();
        assertThat(d.touches("tunnel-profiles.gol")).isFalse();
    }

    @Test
    void aChangedDefaultShowsOnEveryProfileThatInheritsIt() {
        Config before = Yamls.parse(BASE);
        Config after = Yamls.parse(BASE.replace("  silver: {}\n", "  silver: {}\n  default: {max-retries: 9}\n"));
        assertThat(ConfigDiff.between(before, after).paths())
                .containsExactly(
                        "tunnel-profiles.default.max-retries",
                        "tunnel-profiles.gold.max-retries",
                        "tunnel-profiles.silver.max-retries");
    }

    @Test
    void pathsAreTheConfigKeys() {
        assertThat(ConfigDiff.kebab("maxSessionsInSetup")).isEqualTo("max-sessions-in-setup");
        assertThat(ConfigDiff.kebab("hideAvps")).isEqualTo("hide-avps");
        assertThat(ConfigDiff.kebab("trace")).isEqualTo("trace");
    }
}
