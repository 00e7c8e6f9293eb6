package io.lns.loadtest.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.loadtest.LoadtestCommand;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.net.NettyLacTransport;
import io.lns.loadtest.run.LoadOptions;
import io.lns.loadtest.run.LoadReport;
import io.lns.loadtest.run.LoadRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The load tester's LAC against an LNS nobody here wrote: xl2tpd, on loopback. Skipped when
 * /usr/sbin/xl2tpd is absent.
 */
class Xl2tpdLnsTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void bringsUpFiveTunnelsOfFourSessionsAndTearsThemDown() throws Exception {
        try (Xl2tpdLns lns = Xl2tpdLns.start(dir, null, false)) {
            Path json = dir.resolve("report.json");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new LoadtestCommand());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int status = cl.execute(
                    "--lns",
                    lns.spec(),
                    "--tunnels",
                    "5",
                    "--sessions",
                    "4",
                    "--concurrency",
                    "8",
                    "--timeout",
                    "5",
                    "--teardown",
                    "--no-ppp",
                    "--threads",
                    "2",
                    "--json",
                    json.toString());

            String context = out + "\n" + err + "\n--- xl2tpd ---\n" + lns.log();
            assertThat(status).as(context).isZero();
            JsonNode r = new ObjectMapper().readTree(json.toFile());
            assertThat(r.at("/tunnels/up").asLong()).as(context).isEqualTo(5);
            assertThat(r.at("/sessions/up").asLong()).as(context).isEqualTo(20);
            assertThat(r.at("/sessions/failed").asLong()).isZero();
            assertThat(r.at("/failures")).isEmpty();
            assertThat(r.at("/tunnels/latency_ms/count").asLong()).isEqualTo(5);
            assertThat(r.at("/sessions/latency_ms/count").asLong()).isEqualTo(20);
            assertThat(r.at("/sessions/latency_ms/p99").asDouble())
                    .isPositive()
                    .isLessThanOrEqualTo(r.at("/sessions/latency_ms/max").asDouble());
            // pppd cannot run here: xl2tpd hangs up the calls it can before our teardown does.
            for (JsonNode d : r.at("/disconnects")) {
                assertThat(d.at("/kind").asText()).isEqualTo("CDN");
                assertThat(d.at("/phase").asText()).isEqualTo("session after setup");
            }
            assertThat(r.at("/teardown/stopccn_sent").asLong()).isEqualTo(5);
            assertThat(r.at("/teardown/stopccn_acked").asLong()).as(context).isEqualTo(5);
            assertThat(r.at("/teardown/cdn_acked").asLong())
                    .isEqualTo(r.at("/teardown/cdn_sent").asLong());
            assertThat(r.at("/sessions_disconnected_by_lns").asLong()
                            + r.at("/teardown/cdn_sent").asLong())
                    .isEqualTo(20);
            assertThat(out.toString()).contains("tunnels", "sessions", "p99 ms", "teardown:");
            assertThat(lns.log()).contains("Call established with 127.0.0.1").doesNotContain("Invalid");
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void challengeResponseAuthenticationWithXl2tpdChallengingToo() throws Exception {
        try (Xl2tpdLns lns = Xl2tpdLns.start(dir, "s3cret", true)) {
            LoadReport ok = run(lns, "s3cret");
            assertThat(ok.tunnels().up()).as(lns.log()).isEqualTo(2);
            assertThat(ok.sessions().up()).isEqualTo(4);

            LoadReport wrong = run(lns, "not-the-secret");
            assertThat(wrong.tunnels().up()).isZero();
            assertThat(wrong.failures())
                    .filteredOn(f -> f.phase().equals("tunnel setup"))
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.kind()).isEqualTo("AUTH");
                        assertThat(f.count()).isEqualTo(2);
                        assertThat(f.reason()).contains("Challenge Response does not match");
                    });
            assertThat(wrong.failures())
                    .filteredOn(f -> f.phase().equals("session setup"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.count()).isEqualTo(4));
        }
    }

    private static LoadReport run(Xl2tpdLns lns, String secret) throws InterruptedException {
        LacConfig lac = LacConfig.defaults()
                .withSecret(TunnelSecret.of(secret), false)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3));
        // L2TP only: xl2tpd's pppd cannot run here (no /dev/ppp)
        LoadOptions options = new LoadOptions(lns.spec(), 2, 2, 10, 0, Duration.ZERO, true, 1, lac).ppp(false);
        try (NettyLacTransport transport = new NettyLacTransport(lns.address(), List.of(), lac, 1)) {
            return new LoadRunner(options, transport, System::nanoTime, null).run();
        }
    }
}
