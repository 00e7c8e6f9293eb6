package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class PeerMatchTest {

    private final Config c = Yamls.parse("""
            peer-profiles:
              wide:
                addresses: [10.0.0.0/8]
              narrow:
                addresses: [10.1.0.0/16, 10.2.3.4]
              v6:
                addresses: [2001:db8::/32]
              v6-narrow:
                addresses: ["2001:db8:1::/48"]
              by-name:
                host-names: [LAC-1.example.net, lac-1b]
              name-and-address:
                host-names: [lac-2.example.net]
                addresses: [192.0.2.0/24]
            """);

    private PeerMatch match(String address, String hostName) throws Exception {
        return c.match(InetAddress.getByName(address), hostName);
    }

    @Test
    void longestIpv4PrefixWins() throws Exception {
        assertThat(match("10.9.9.9", null).profileName()).isEqualTo("wide");
        PeerMatch m = match("10.1.2.3", null);
        assertThat(m.profileName()).isEqualTo("narrow");
        assertThat(m.by()).isEqualTo(PeerMatch.By.ADDRESS);
        assertThat(m.prefix()).map(IpPrefix::toString).contains("10.1.0.0/16");
        assertThat(match("10.2.3.4", null).prefix()).map(IpPrefix::toString).contains("10.2.3.4/32");
        assertThat(match("10.2.3.5", null).profileName()).isEqualTo("wide");
    }

    @Test
    void longestIpv6PrefixWins() throws Exception {
        assertThat(match("2001:db8:2::1", null).profileName()).isEqualTo("v6");
        assertThat(match("2001:db8:1:ffff::1", null).profileName()).isEqualTo("v6-narrow");
        assertThat(match("2001:db9::1", null).by()).isEqualTo(PeerMatch.By.DEFAULT);
    }

    @Test
    void familiesDoNotMix() throws Exception {
        Config any4 = Yamls.parse("peer-profiles:\n  all4: {addresses: [0.0.0.0/0]}\n");
        assertThat(any4.match(InetAddress.getByName("::1"), null).by()).isEqualTo(PeerMatch.By.DEFAULT);
        assertThat(any4.match(InetAddress.getByName("::ffff:198.51.100.1"), null)
                        .profileName())
                .isEqualTo("all4");
    }

    @Test
    void ipv4MappedAddressesFromDualStackSocketsMatchIpv4Prefixes() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[13] = 1;
        mapped[14] = 0;
        mapped[15] = 1;
        InetAddress v6 = java.net.Inet6Address.getByAddress(null, mapped, -1);
        assertThat(c.match(v6, null).profileName()).isEqualTo("narrow");
    }

    @Test
    void hostNameWinsOverAddressAndIgnoresCase() throws Exception {
        PeerMatch m = match("10.1.2.3", "lac-1.EXAMPLE.net");
        assertThat(m.profileName()).isEqualTo("by-name");
        assertThat(m.by()).isEqualTo(PeerMatch.By.HOST_NAME);
        assertThat(m.prefix()).isEmpty();
        assertThat(match("203.0.113.1", "lac-1b").profileName()).isEqualTo("by-name");
    }

    @Test
    void aProfileWithHostNamesAndAddressesNeedsBoth() throws Exception {
        PeerMatch both = match("192.0.2.77", "lac-2.example.net");
        assertThat(both.profileName()).isEqualTo("name-and-address");
        assertThat(both.by()).isEqualTo(PeerMatch.By.HOST_NAME);
        assertThat(both.prefix()).map(IpPrefix::toString).contains("192.0.2.0/24");
        // right name, wrong address: falls through to address matching, then to default
        assertThat(match("10.1.0.1", "lac-2.example.net").profileName()).isEqualTo("narrow");
        assertThat(match("203.0.113.1", "lac-2.example.net").by()).isEqualTo(PeerMatch.By.DEFAULT);
        // right address, no name: address-only profiles only
        assertThat(match("192.0.2.77", null).by()).isEqualTo(PeerMatch.By.DEFAULT);
    }

    @Test
    void nothingMatchesFallsBackToDefault() throws Exception {
        PeerMatch m = match("203.0.113.1", "unknown-lac");
        assertThat(m.profileName()).isEqualTo("default");
        assertThat(m.profile()).isEqualTo(c.peerProfiles().get("default"));
        assertThat(m.matched()).isFalse();
        assertThat(match("203.0.113.1", "").by()).isEqualTo(PeerMatch.By.DEFAULT);
    }

    @Test
    void ambiguousPeersAreRejected() {
        String yaml = """
                peer-profiles:
                  a:
                    host-names: [lac-1, lac-1]
                    addresses: [192.0.2.0/24, 192.0.2.0/24]
                  b:
                    host-names: [LAC-1]
                  c:
                    addresses: [198.51.100.0/24]
                  d:
                    addresses: [198.51.100.0/24, 203.0.113.0/24]
                  e:
                    addresses: [203.0.113.0/24]
                    host-names: [lac-e]
                  f:
                    addresses: []
                  default:
                    addresses: [0.0.0.0/0]
                """;
        assertThat(Yamls.brief(yaml))
                .containsExactly(
                        "3:25 peer-profiles.a.host-names: host name lac-1 is listed twice",
                        "4:31 peer-profiles.a.addresses: prefix 192.0.2.0/24 is listed twice",
                        "6:18 peer-profiles.b.host-names: host name LAC-1 is already matched by peer profile `a`",
                        "10:17 peer-profiles.d.addresses: prefix 198.51.100.0/24 is already matched by peer"
                                + " profile `c`",
                        "14:3 peer-profiles.f: a peer profile needs addresses or host-names to match peers by",
                        "17:16 peer-profiles.default.addresses: the default peer profile applies to every peer no"
                                + " other profile matches; it takes no addresses or host-names");
    }

    @Test
    void badAddressesAreReportedOneByOne() {
        assertThat(Yamls.brief(
                        "peer-profiles:\n  a:\n    addresses: [10.0.0.1/8, 300.1.1.1, lac.example, \"::/129\"]\n"))
                .containsExactly(
                        "3:17 peer-profiles.a.addresses: `10.0.0.1/8`: host bits are set; the network is 10.0.0.0/8",
                        "3:29 peer-profiles.a.addresses: `300.1.1.1`: not an IPv4 address",
                        "3:40 peer-profiles.a.addresses: `lac.example`: not an IP address (host names are not"
                                + " resolved here)",
                        "3:53 peer-profiles.a.addresses: `::/129`: prefix length must be 0..128");
    }
}
