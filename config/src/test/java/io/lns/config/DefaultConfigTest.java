package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultConfigTest {

    @Test
    void embeddedDefaultServesOutOfTheBox() throws Exception {
        Config c = ConfigLoader.loadDefault();
        SystemConfig s = c.system();
        assertThat(s.listenAddresses()).containsExactly(InetAddress.getByName("0.0.0.0"));
        assertThat(s.listenPort()).isEqualTo(1701);
        assertThat(s.hostName()).isEqualTo(MachineHostName.get()).isNotBlank();
        assertThat(IpLiterals.format(s.metricsAddress())).isEqualTo("127.0.0.1:9101");
        assertThat(s.denyRemoteTunnelCreates()).isFalse();
        assertThat(s.trace()).isEqualTo(TraceMask.NONE);

        PeerMatch any = c.match(InetAddress.getByName("203.0.113.9"), "some-lac");
        assertThat(any.by()).isEqualTo(PeerMatch.By.DEFAULT);
        assertThat(any.matched()).isFalse();
        TunnelProfile t = c.resolveTunnel(c.tunnelProfileName(null, any.profile()));
        assertThat(t.secret()).isEmpty();
        assertThat(t.authMode()).isEqualTo(AuthMode.NONE);
        assertThat(t.hideAvps()).isFalse();
        assertThat(t.helloInterval()).isEqualTo(Duration.ofSeconds(60));

        assertThat(c.peerProfiles()).containsOnlyKeys("default");
        assertThat(c.tunnelProfiles()).containsOnlyKeys("default");
        assertThat(c.sessionProfiles()).containsOnlyKeys("default");
        assertThat(c.pppProfiles()).containsOnlyKeys("default");
    }

    @Test
    void packagedResourceIsTheRepositoryFile() throws Exception {
        // Surefire runs in the module directory, where config/lns.yaml lives.
        assertThat(ConfigLoader.defaultYaml()).isEqualTo(Files.readString(Path.of("lns.yaml")));
    }

    @Test
    void defaultFileSpellsOutTheBuiltInValues() throws Exception {
        Config fromFile = ConfigLoader.parse("lns.yaml", ConfigLoader.defaultYaml(), "h");
        Config builtIn = ConfigLoader.parse("empty.yaml", "", "h");
        // The file adds one thing to the built-in values: the pool `default`, used by the default ppp profile.
        PppProfile filePpp = fromFile.pppProfiles().get("default");
        assertThat(filePpp.pool()).contains("default");
        assertThat(fromFile.pool(filePpp).orElseThrow())
                .isEqualTo(new AddressPool(List.of(AddressRange.parse("100.64.0.0/16")), gateway("100.64.0.1")));
        assertThat(fromFile.addressPools()).containsOnlyKeys("default");
        assertThat(builtIn.addressPools()).isEmpty();
        assertThat(builtIn.pppProfiles().get("default")).isEqualTo(PppProfile.DEFAULTS);
        assertThat(new Config(
                        fromFile.system(),
                        fromFile.peerProfiles(),
                        fromFile.tunnelProfiles(),
                        fromFile.sessionProfiles(),
                        Map.of("default", PppProfile.DEFAULTS)))
                .isEqualTo(builtIn);
        assertThat(ConfigDiff.between(builtIn, fromFile).paths())
                .containsExactly("ppp-profiles.default.pool", "address-pools.default");
        assertThat(builtIn.system()).isEqualTo(SystemConfig.defaults("h"));
        assertThat(builtIn.tunnelProfiles().get("default")).isEqualTo(TunnelProfile.DEFAULTS);
        assertThat(builtIn.sessionProfiles().get("default")).isEqualTo(SessionProfile.DEFAULTS);
        assertThat(builtIn.peerProfiles().get("default")).isEqualTo(PeerProfile.DEFAULTS);
    }

    @Test
    void embeddedDefaultPppProfile() {
        Config c = ConfigLoader.loadDefault();
        PppProfile p = c.resolvePpp(null);
        assertThat(p.authProtocols())
                .containsExactly(PppAuthProtocol.MSCHAPV2, PppAuthProtocol.CHAP, PppAuthProtocol.PAP);
        assertThat(p.mru()).isEqualTo(1460);
        assertThat(p.lcpEchoInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.lcpEchoFailures()).isEqualTo(5);
        assertThat(p.dns()).isEmpty();
        assertThat(p.ipv6cp()).isTrue();
        assertThat(p.proxyLcp()).isEqualTo(ProxyLcp.ACCEPT);
        assertThat(p.chapRechallengeInterval()).isZero();
        AddressPool pool = c.pool(p).orElseThrow();
        assertThat(pool.size()).isEqualTo(65536);
        assertThat(pool.contains(gateway("100.64.255.255"))).isTrue();
        assertThat(pool.contains(gateway("100.65.0.0"))).isFalse();
        assertThat(c.system().usersFile()).isEmpty();
    }

    private static Inet4Address gateway(String text) {
        return (Inet4Address) IpLiterals.parse(text);
    }

    @Test
    void commentsOnlyAndEmptySectionsMeanDefaults() {
        Config c = Yamls.parse("# nothing\nsystem:\ntunnel-profiles:\nppp-profiles: {default: }\n");
        assertThat(c.system().hostName()).isEqualTo(Yamls.HOST);
        assertThat(c.tunnelProfiles().get("default")).isEqualTo(TunnelProfile.DEFAULTS);
    }

    @Test
    void loadsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, "system:\n  listen-port: 1702\n");
        assertThat(ConfigLoader.load(ok).system().listenPort()).isEqualTo(1702);

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "system:\n  listen-port: none\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(bad + ":2:16: system.listen-port: expected an integer, found a string");

        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(missing)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            assertThat(e.errors().get(0).line()).isZero();
            assertThat(e.errors().get(0).toString()).startsWith(missing + ": cannot read");
        });
    }
}
