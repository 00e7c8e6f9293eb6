package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorReportingTest {

    /** One file with one error of every kind; all must be reported at once, in file order. */
    @Test
    void reportsEveryErrorWithLineAndColumn() {
        String yaml = """
                system:
                  listen-port: 70000
                  max-tunels: 5
                  host-name: [a, b]
                  deny-remote-tunnel-creates: maybe
                  listen-port: 1702
                tunnel-profiles:
                  gold:
                    hello-interval: 60
                    retransmit-initial: 2x
                    receive-window: "16"
                    auth-mode: challange
                    session-profile: silver
                peer-profiles:
                  isp-a:
                    addresses: [192.0.2.0/24]
                    ppp-profile: nope
                ppp-profiles:
                  default:
                    mru: 100
                radius: {}
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "2:16 system.listen-port: 70000 is out of range 1..65535",
                        "3:3 system.max-tunels: unknown key `max-tunels`; did you mean `max-tunnels`?",
                        "4:14 system.host-name: expected a host name, found a list",
                        "5:31 system.deny-remote-tunnel-creates: expected true or false, found a string",
                        "6:3 system.listen-port: duplicate key `listen-port` (first at line 2)",
                        "9:21 tunnel-profiles.gold.hello-interval: `60`: a duration needs a unit: ms, s, m or h (60s, not 60)",
                        "10:25 tunnel-profiles.gold.retransmit-initial: `2x`: not a duration; write a whole number and"
                                + " a unit: 500ms, 60s, 1m, 1h",
                        "11:21 tunnel-profiles.gold.receive-window: expected an integer, found a string (remove the"
                                + " quotes)",
                        "12:16 tunnel-profiles.gold.auth-mode: `challange` is not one of none, simple, challenge",
                        "13:22 tunnel-profiles.gold.session-profile: no session profile named `silver` (defined:"
                                + " default)",
                        "17:18 peer-profiles.isp-a.ppp-profile: no ppp profile named `nope` (defined: default)",
                        "20:10 ppp-profiles.default.mru: 100 is out of range 576..65535",
                        "21:1 radius: unknown key `radius`; known keys: system, peer-profiles, tunnel-profiles,"
                                + " session-profiles, ppp-profiles, address-pools");
    }

    @Test
    void errorRendersAsFileLineColumn() {
        List<ConfigError> errors = Yamls.errors("system:\n  max-tunnels: 0\n");
        assertThat(errors).singleElement().hasToString("t.yaml:2:16: system.max-tunnels: 0 is out of range 1..65535");
        ConfigError e = errors.get(0);
        assertThat(e.file()).isEqualTo("t.yaml");
        assertThat(e.path()).isEqualTo("system.max-tunnels");
    }

    @Test
    void yamlSyntaxErrorsCarryThePosition() {
        assertThat(Yamls.brief("system:\n  listen-port: 1701\n bad: [\n"))
                .singleElement()
                .asString()
                .startsWith("3:2 : YAML syntax:");
        assertThat(Yamls.brief("system:\n\tlisten-port: 1701\n"))
                .singleElement()
                .asString()
                .startsWith("2:1 : YAML syntax: found character '\\t(TAB)' that cannot start any token");
        assertThat(Yamls.brief("system: {}\n---\nsystem: {}\n"))
                .singleElement()
                .asString()
                .contains("expected a single document");
    }

    @Test
    void wrongShapesAreTypeErrors() {
        assertThat(Yamls.brief("- system\n")).containsExactly("1:1 : expected a mapping of keys, found a list");
        assertThat(Yamls.brief("system: 5\ntunnel-profiles: [gold]\n"))
                .containsExactly(
                        "1:9 system: expected a mapping of keys, found an integer",
                        "2:18 tunnel-profiles: expected a mapping of keys, found a list");
        assertThat(Yamls.brief("tunnel-profiles:\n  default:\n    hello-interval:\n"))
                .containsExactly("3:20 tunnel-profiles.default.hello-interval: expected a duration such as 500ms,"
                        + " 60s or 1m, found no value");
        assertThat(Yamls.brief("tunnel-profiles:\n  default:\n    hide-avps: 1\n"))
                .containsExactly("3:16 tunnel-profiles.default.hide-avps: expected true or false, found an integer");
    }

    @Test
    void integersFollowYamlButRefuseOctalSurprises() {
        assertThat(Yamls.parse("system: {listen-port: 0x6a5}").system().listenPort())
                .isEqualTo(1701);
        assertThat(Yamls.parse("system: {max-sessions: 100_000}").system().maxSessions())
                .isEqualTo(100_000);
        assertThat(Yamls.brief("system: {listen-port: 01701}"))
                .containsExactly(
                        "1:23 system.listen-port: `01701`: a leading 0 makes YAML read an octal number;" + " drop it");
        assertThat(Yamls.brief("system: {max-tunnels: 99999999999999999999}"))
                .containsExactly("1:23 system.max-tunnels: `99999999999999999999` is not an integer this config"
                        + " understands");
    }

    @Test
    void profileNamesAndMergeKeysAreChecked() {
        assertThat(Yamls.brief("session-profiles:\n  \"bad name\": {}\n  base: &b {sequencing: prefer}\n"
                        + "  other:\n    <<: *b\n"))
                .containsExactly(
                        "2:3 session-profiles.bad name: a profile name is 1..64 letters, digits, '.', '_' or '-',"
                                + " starting with a letter or digit",
                        "5:5 session-profiles.other: merge keys (<<) are not supported; a profile takes what it does"
                                + " not set from its kind's `default` profile");
    }

    @Test
    void duplicateProfileNamesAreDuplicateKeys() {
        assertThat(Yamls.brief("tunnel-profiles:\n  gold: {}\n  gold: {}\n"))
                .containsExactly("3:3 tunnel-profiles.gold: duplicate key `gold` (first at line 2)");
    }

    @Test
    void crossFieldRulesReportWhereTheProfileSetsAField() {
        String yaml = """
                tunnel-profiles:
                  default:
                    retransmit-initial: 4s
                  gold:
                    retransmit-cap: 2s
                  silver:
                    hide-avps: true
                  bronze:
                    auth-mode: challenge
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "5:21 tunnel-profiles.gold.retransmit-cap: retransmit-cap 2s is shorter than"
                                + " retransmit-initial 4s",
                        "7:16 tunnel-profiles.silver.hide-avps: hide-avps needs a secret to hide AVPs with",
                        "9:16 tunnel-profiles.bronze.auth-mode: auth-mode challenge needs a secret");
    }

    @Test
    void aDefaultProblemIsReportedOnceNotOnEveryHeir() {
        String yaml = """
                tunnel-profiles:
                  default:
                    auth-mode: challenge
                  gold:
                    hello-interval: 30s
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly("3:16 tunnel-profiles.default.auth-mode: auth-mode challenge needs a secret");
    }

    @Test
    void rangesAndWordsInEverySection() {
        String yaml = """
                system:
                  listen-addresses: []
                  new-tunnel-rate: {per-second: -1, burst: 0, bucket: 3}
                  metrics-address: "[::1]"
                  trace: 4096
                tunnel-profiles:
                  default:
                    hello-interval: 500ms
                    max-retries: 101
                    source-port: 1702
                session-profiles:
                  default:
                    sequencing: always
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "2:21 system.listen-addresses: at least one address is needed (0.0.0.0 for every IPv4"
                                + " address, :: for every IPv6)",
                        "3:33 system.new-tunnel-rate.per-second: `-1` is out of range: more than 0, at most 1000000",
                        "3:44 system.new-tunnel-rate.burst: 0 is out of range 1..1000000",
                        "3:47 system.new-tunnel-rate.bucket: unknown key `bucket`; known keys: per-second, burst",
                        "4:20 system.metrics-address: `[::1]`: write an IPv6 address and port as [address]:port",
                        "5:10 system.trace: 4096 is out of range 0..2047",
                        "8:21 tunnel-profiles.default.hello-interval: a hello interval is 0s (no HELLOs) or at"
                                + " least 1s",
                        "9:18 tunnel-profiles.default.max-retries: 101 is out of range 0..100",
                        "10:18 tunnel-profiles.default.source-port: `1702` is not one of 1701, ephemeral, auto",
                        "13:17 session-profiles.default.sequencing: `always` is not one of none, prefer, require");
    }
}
