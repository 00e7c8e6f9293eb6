package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The two-peer example in docs/config.md loads and behaves as the text beneath it says. */
class DocExampleTest {

    private static Config example() throws Exception {
        String doc = Files.readString(Path.of("../docs/config.md"));
        int section = doc.indexOf("## Example: two peers");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        return Yamls.parse(doc.substring(start, doc.indexOf("```", start)));
    }

    @Test
    void exampleBehavesAsDocumented() throws Exception {
        Config c = example();

        PeerMatch a = c.match(InetAddress.getByName("198.51.100.7"), "whatever");
        assertThat(a.profileName()).isEqualTo("isp-a");
        TunnelProfile ta = c.resolveTunnel(c.tunnelProfileName(null, a.profile()));
        assertThat(ta.authMode()).isEqualTo(AuthMode.CHALLENGE);
        assertThat(ta.hideAvps()).isTrue();
        assertThat(ta.helloInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.sessionProfileName(null, ta, a.profile())).isEqualTo("sequenced");

        PeerMatch b = c.match(InetAddress.getByName("203.0.113.9"), "lac-7.isp-b.example");
        assertThat(b.profileName()).isEqualTo("isp-b");
        TunnelProfile tb = c.resolveTunnel(c.tunnelProfileName(null, b.profile()));
        assertThat(tb.sourcePort()).isEqualTo(SourcePort.LISTEN_PORT);
        SessionProfile sb = c.resolveSession(c.sessionProfileName(null, tb, b.profile()));
        assertThat(c.sessionProfileName(null, tb, b.profile())).isEqualTo("plain");
        assertThat(c.pppProfileName(null, sb, tb, b.profile())).isEqualTo("isp-b");
        PppProfile pb = c.resolvePpp("isp-b");
        assertThat(pb.authProtocols()).containsExactly(PppAuthProtocol.CHAP, PppAuthProtocol.PAP);
        assertThat(pb.mru()).isEqualTo(1400);
        assertThat(c.pool(pb).orElseThrow().gateway()).isEqualTo(InetAddress.getByName("100.65.0.1"));
        assertThat(pb.dns())
                .extracting(d -> (InetAddress) d)
                .containsExactly(InetAddress.getByName("192.0.2.53"), InetAddress.getByName("192.0.2.54"));
        assertThat(c.resolvePpp(null).pool()).contains("subscribers");

        assertThat(c.match(InetAddress.getByName("192.0.2.99"), "lac-7.isp-b.example")
                        .by())
                .isEqualTo(PeerMatch.By.DEFAULT);
        assertThat(c.match(InetAddress.getByName("203.0.113.10"), "other-lac").by())
                .isEqualTo(PeerMatch.By.DEFAULT);
        assertThat(c.system().hostName()).isEqualTo("lns-1.example.net");
    }
}
