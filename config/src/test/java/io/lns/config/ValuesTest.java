package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void traceMasksTakeNamesNumbersAndLists() {
        assertThat(trace("[PROTOCOL, FSM]")).isEqualTo(TraceMask.of(TraceCategory.PROTOCOL, TraceCategory.FSM));
        assertThat(trace("[protocol, 0x400]").bits()).isEqualTo(1 | 1024);
        assertThat(trace("AVP_HIDE")).isEqualTo(TraceMask.of(TraceCategory.AVP_HIDE));
        assertThat(trace("ALL")).isEqualTo(TraceMask.ALL);
        assertThat(trace("NONE")).isEqualTo(TraceMask.NONE);
        assertThat(trace("[]")).isEqualTo(TraceMask.NONE);
        assertThat(trace("2047")).isEqualTo(TraceMask.ALL);
        assertThat(TraceMask.ALL.categories()).hasSize(11);
        assertThat(TraceCategory.PPP.bit()).isEqualTo(1024);
        assertThat(TraceMask.of(TraceCategory.XPRT, TraceCategory.PPP)).hasToString("XPRT|PPP");
        assertThatThrownBy(() -> new TraceMask(2048)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void traceIsSettableInSessionProfiles() {
        Config c = Yamls.parse("session-profiles:\n  s: {trace: [PPP, DATA]}\n");
        assertThat(c.resolveSession("s").trace().categories()).containsExactly(TraceCategory.DATA, TraceCategory.PPP);
        assertThat(c.resolveSession("default").trace()).isEqualTo(TraceMask.NONE);
    }

    private static TraceMask trace(String yaml) {
        return Yamls.parse("system:\n  trace: " + yaml + "\n").system().trace();
    }

    @Test
    void prefixesParseContainAndPrint() throws Exception {
        IpPrefix p = IpPrefix.parse("192.0.2.0/24");
        assertThat(p.contains(InetAddress.getByName("192.0.2.255"))).isTrue();
        assertThat(p.contains(InetAddress.getByName("192.0.3.0"))).isFalse();
        assertThat(p.contains(InetAddress.getByName("::1"))).isFalse();
        assertThat(IpPrefix.parse("10.0.0.1")).hasToString("10.0.0.1/32");
        assertThat(IpPrefix.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")))
                .isTrue();
        assertThat(IpPrefix.parse("2001:DB8:0:0::/64")).hasToString("2001:db8::/64");
        assertThat(IpPrefix.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:7fff::1")))
                .isTrue();
        assertThat(IpPrefix.parse("2001:db8::/33").contains(InetAddress.getByName("2001:db8:8000::1")))
                .isFalse();
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.1/24")).hasMessageContaining("192.0.2.0/24");
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.0/33")).hasMessageContaining("0..32");
        assertThatThrownBy(() -> IpPrefix.parse("::ffff:10.0.0.0/104")).hasMessageContaining("IPv4-mapped");
        assertThatThrownBy(() -> IpPrefix.parse("010.0.0.0/8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("1.2.3/24")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ipv6IsPrintedInRfc5952Form() throws Exception {
        assertThat(IpLiterals.format(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
                .isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiterals.format(InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(IpLiterals.format(InetAddress.getByName("::1"))).isEqualTo("::1");
        assertThat(IpLiterals.format(InetAddress.getByName("fe80::"))).isEqualTo("fe80::");
        assertThat(IpLiterals.format(InetAddress.getByName("2001:db8:0:1:1:1:1:1")))
                .isEqualTo("2001:db8:0:1:1:1:1:1");
    }

    @Test
    void systemAddressesAndPorts() {
        SystemConfig s = Yamls.parse("""
                        system:
                          listen-addresses: ["::", 192.0.2.1]
                          metrics-address: "[::1]:9200"
                          host-name: lns-7.example.net
                        """).system();
        assertThat(s.listenAddresses()).extracting(IpLiterals::format).containsExactly("::", "192.0.2.1");
        assertThat(IpLiterals.format(s.metricsAddress())).isEqualTo("[::1]:9200");
        assertThat(s.hostName()).isEqualTo("lns-7.example.net");
        assertThat(Yamls.brief("system:\n  listen-addresses: [192.0.2.1, 192.0.2.1]\n  metrics-address: 1.2.3.4:0\n"))
                .containsExactly(
                        "2:21 system.listen-addresses: 192.0.2.1 is listed twice",
                        "3:20 system.metrics-address: `1.2.3.4:0`: port must be 1..65535");
    }

    @Test
    void rateLimitsOverrideFieldByField() {
        SystemConfig s = Yamls.parse("system:\n  new-tunnel-rate: {per-second: 2.5}\n  new-call-rate: {burst: 9}\n")
                .system();
        assertThat(s.newTunnelRate()).isEqualTo(new RateLimit(2.5, 50));
        assertThat(s.newCallRate()).isEqualTo(new RateLimit(200, 9));
    }

    @Test
    void suggestionsAreForNearMisses() {
        List<String> keys = List.of("hello-interval", "hide-avps", "secret");
        assertThat(Suggest.nearest("helo-interval", keys)).isEqualTo("hello-interval");
        assertThat(Suggest.nearest("secrets", keys)).isEqualTo("secret");
        assertThat(Suggest.nearest("radius", keys)).isNull();
    }
}
