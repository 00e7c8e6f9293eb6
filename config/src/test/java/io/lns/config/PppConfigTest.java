package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** ppp-profiles keys, address-pools and system.users-file. */
class PppConfigTest {

    private static final String POOLS = """
            address-pools:
              a:
                ranges: [100.64.0.0/24, 100.64.1.10-100.64.1.20]
                gateway: 100.64.0.1
              b:
                ranges: 10.0.0.5
                gateway: 192.0.2.1
            """;

    @Test
    void builtInDefaultsWithoutAFile() {
        Config c = Yamls.parse("");
        assertThat(c.resolvePpp(null)).isEqualTo(PppProfile.DEFAULTS);
        assertThat(PppProfile.DEFAULTS.authProtocols())
                .containsExactly(PppAuthProtocol.MSCHAPV2, PppAuthProtocol.CHAP, PppAuthProtocol.PAP);
        assertThat(PppProfile.DEFAULTS.pool()).isEmpty();
        assertThat(c.pool(PppProfile.DEFAULTS)).isEmpty();
        assertThat(c.addressPools()).isEmpty();
    }

    @Test
    void everyKeyBinds() throws Exception {
        Config c = Yamls.parse("""
                system:
                  users-file: /etc/lns/users
                ppp-profiles:
                  default:
                    auth-protocols: [pap, MSCHAPv2]
                    mru: 1500
                    lcp-echo-interval: 0s
                    lcp-echo-failures: 100
                    pool: b
                    dns: [192.0.2.53, 192.0.2.54]
                    ipv6cp: false
                    proxy-lcp: renegotiate
                    chap-rechallenge-interval: 10m
                """ + POOLS);
        PppProfile p = c.resolvePpp("default");
        assertThat(p.authProtocols()).containsExactly(PppAuthProtocol.PAP, PppAuthProtocol.MSCHAPV2);
        assertThat(p.mru()).isEqualTo(1500);
        assertThat(p.lcpEchoInterval()).isZero();
        assertThat(p.lcpEchoFailures()).isEqualTo(100);
        assertThat(p.pool()).contains("b");
        assertThat(p.dns())
                .extracting(d -> (InetAddress) d)
                .containsExactly(InetAddress.getByName("192.0.2.53"), InetAddress.getByName("192.0.2.54"));
        assertThat(p.ipv6cp()).isFalse();
        assertThat(p.proxyLcp()).isEqualTo(ProxyLcp.RENEGOTIATE);
        assertThat(p.chapRechallengeInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.system().usersFile()).contains(Path.of("/etc/lns/users"));

        AddressPool a = c.addressPools().get("a");
        assertThat(a.ranges()).hasToString("[100.64.0.0/24, 100.64.1.10-100.64.1.20]");
        assertThat(a.size()).isEqualTo(256 + 11);
        AddressPool b = c.pool(p).orElseThrow();
        assertThat(b.ranges()).singleElement().hasToString("10.0.0.5/32");
        assertThat(b.gateway()).isEqualTo(InetAddress.getByName("192.0.2.1")); // outside every range: fine
        assertThat(Yamls.parse("ppp-profiles:\n  default: {auth-protocols: chap}\n")
                        .resolvePpp(null)
                        .authProtocols())
                .containsExactly(PppAuthProtocol.CHAP);
    }

    @Test
    void namedProfilesInheritFromDefault() {
        Config c = Yamls.parse("""
                ppp-profiles:
                  default:
                    mru: 1400
                    pool: a
                    dns: 192.0.2.53
                    auth-protocols: [chap]
                  gold:
                    lcp-echo-interval: 10s
                  silver:
                    pool: b
                    dns: []
                  bare:
                    pool: ""
                """ + POOLS);
        PppProfile gold = c.resolvePpp("gold");
        assertThat(gold.mru()).isEqualTo(1400); // written default
        assertThat(gold.pool()).contains("a");
        assertThat(gold.authProtocols()).containsExactly(PppAuthProtocol.CHAP);
        assertThat(gold.lcpEchoInterval()).isEqualTo(Duration.ofSeconds(10)); // own
        assertThat(gold.lcpEchoFailures()).isEqualTo(5); // built-in
        assertThat(gold.proxyLcp()).isEqualTo(ProxyLcp.ACCEPT);
        PppProfile silver = c.resolvePpp("silver");
        assertThat(silver.pool()).contains("b");
        assertThat(silver.dns()).isEmpty();
        assertThat(silver.lcpEchoInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.resolvePpp("bare").pool()).isEmpty();

        Config more = Yamls.parse("""
                ppp-profiles:
                  default: {mru: 1300}
                  gold: {}
                """);
        assertThat(ConfigDiff.between(c, more).paths()).contains("ppp-profiles.gold.mru", "address-pools.a");
    }

    @Test
    void invalidPppValuesAreReportedWithPositions() {
        String yaml = """
                ppp-profiles:
                  default:
                    auth-protocols: [chap, eap]
                    mru: 575
                    lcp-echo-interval: 500ms
                    lcp-echo-failures: 0
                    pool: [a]
                    dns: [192.0.2.1, 192.0.2.2, 192.0.2.3]
                    ipv6cp: sometimes
                    proxy-lcp: ignore
                    chap-rechallenge-interval: 5s
                    mtu: 1500
                  p1:
                    auth-protocols: []
                    lcp-echo-failures: 101
                    dns: ["2001:db8::1"]
                    chap-rechallenge-interval: 25h
                    mru: 65536
                  p2:
                    auth-protocols: [pap, chap, PAP]
                    dns: [192.0.2.1, 192.0.2.1]
                    lcp-echo-interval: 2h
                    pool: nowhere
                """ + POOLS;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "3:28 ppp-profiles.default.auth-protocols: `eap` is not one of pap, chap, mschapv2",
                        "4:10 ppp-profiles.default.mru: 575 is out of range 576..65535",
                        "5:24 ppp-profiles.default.lcp-echo-interval: an LCP echo interval is 0s (no echoes) or at"
                                + " least 1s",
                        "6:24 ppp-profiles.default.lcp-echo-failures: 0 is out of range 1..100",
                        "7:11 ppp-profiles.default.pool: expected an address pool name, found a list",
                        "8:10 ppp-profiles.default.dns: at most two DNS servers (IPCP carries a primary and a"
                                + " secondary), found 3",
                        "9:13 ppp-profiles.default.ipv6cp: expected true or false, found a string",
                        "10:16 ppp-profiles.default.proxy-lcp: `ignore` is not one of accept, renegotiate",
                        "11:32 ppp-profiles.default.chap-rechallenge-interval: a CHAP re-challenge interval is 0s"
                                + " (none) or at least 10s",
                        "12:5 ppp-profiles.default.mtu: unknown key `mtu`; did you mean `mru`?",
                        "14:21 ppp-profiles.p1.auth-protocols: at least one of pap, chap, mschapv2 is needed",
                        "15:24 ppp-profiles.p1.lcp-echo-failures: 101 is out of range 1..100",
                        "16:11 ppp-profiles.p1.dns: `2001:db8::1`: not an IPv4 address",
                        "17:32 ppp-profiles.p1.chap-rechallenge-interval: 25h is out of range 0s..24h",
                        "18:10 ppp-profiles.p1.mru: 65536 is out of range 576..65535",
                        "20:33 ppp-profiles.p2.auth-protocols: `PAP` is listed twice",
                        "21:22 ppp-profiles.p2.dns: 192.0.2.1 is listed twice",
                        "22:24 ppp-profiles.p2.lcp-echo-interval: 2h is out of range 0s..1h",
                        "23:11 ppp-profiles.p2.pool: no address pool named `nowhere` (defined: a, b)");
    }

    @Test
    void danglingPoolReference() {
        assertThat(Yamls.brief("ppp-profiles:\n  default:\n    pool: default\n"))
                .containsExactly("3:11 ppp-profiles.default.pool: no address pool named `default` (none defined)");
    }

    @Test
    void overlappingPoolsAreRefused() {
        String yaml = """
                address-pools:
                  a:
                    ranges: [100.64.0.0/16]
                    gateway: 100.64.0.1
                  b:
                    ranges: [10.0.0.0/24, 100.64.200.1-100.65.0.1]
                    gateway: 10.0.0.1
                  c:
                    ranges:
                      - 192.0.2.0/25
                      - 192.0.2.100
                    gateway: 192.0.2.1
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "6:27 address-pools.b.ranges: 100.64.200.1-100.65.0.1 overlaps 100.64.0.0/16 of pool `a`"
                                + " (line 3)",
                        "11:9 address-pools.c.ranges: 192.0.2.100/32 overlaps 192.0.2.0/25 in this pool (line 10)");
    }

    @Test
    void invalidPoolsAreReportedWithPositions() {
        String yaml = """
                address-pools:
                  empty:
                    ranges: []
                    gateway: 10.0.0.1
                  nogw:
                    ranges: [10.1.0.0/24]
                  bad:
                    ranges: [10.2.0.9-10.2.0.1, "2001:db8::/64", 10.3.0.1/24, 10.4.0.0/33, x]
                    gateway: "2001:db8::1"
                    size: 5
                  norange:
                    gateway: 300.0.0.1
                  "bad name!": {}
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "3:13 address-pools.empty.ranges: an address pool needs at least one range",
                        "5:3 address-pools.nogw: an address pool needs a `gateway` (our IPCP address)",
                        "8:14 address-pools.bad.ranges: `10.2.0.9-10.2.0.1`: the range ends before it starts (write"
                                + " low-high)",
                        "8:33 address-pools.bad.ranges: `2001:db8::/64`: address pools are IPv4 only",
                        "8:50 address-pools.bad.ranges: `10.3.0.1/24`: host bits are set; the network is"
                                + " 10.3.0.0/24",
                        "8:63 address-pools.bad.ranges: `10.4.0.0/33`: prefix length must be 0..32",
                        "8:76 address-pools.bad.ranges: `x`: not an IP address (host names are not resolved here)",
                        "9:14 address-pools.bad.gateway: `2001:db8::1`: not an IPv4 address",
                        "10:5 address-pools.bad.size: unknown key `size`; known keys: ranges, gateway",
                        "11:3 address-pools.norange: an address pool needs `ranges`",
                        "12:14 address-pools.norange.gateway: `300.0.0.1`: not an IPv4 address",
                        "13:3 address-pools.bad name!: a pool name is 1..64 letters, digits, '.', '_' or '-',"
                                + " starting with a letter or digit");
    }

    @Test
    void usersFile() {
        assertThat(Yamls.parse("system: {users-file: users.txt}\n").system().usersFile())
                .contains(Path.of("users.txt"));
        assertThat(Yamls.brief("system:\n  users-file: \"\"\n"))
                .containsExactly("2:15 system.users-file: a file path is not empty and has no NUL character");
        assertThat(Yamls.brief("system:\n  users-file: [a]\n"))
                .containsExactly("2:15 system.users-file: expected a file path, found a list");
    }
}
