package io.lns.loadtest.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.loadtest.interop.L2tpnsLns.HiddenAvp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tester's LAC against l2tpns, an LNS nobody here wrote, in a network namespace of its
 * own. The JVM cannot enter the namespace, so the load tester runs as a child process in it ({@code
 * ip netns exec}). l2tpns logs every AVP it receives, hidden ones with the value it revealed: an
 * independent check of our hidden-AVP encoder (RFC 2661 §4.3). Skipped when /usr/sbin/l2tpns is
 * absent or no network namespace can be created (not root).
 */
class L2tpnsLnsTest {
    private static final String SECRET = "s3cret";
    /** Our first Assigned Tunnel ID: two different bytes, so a byte-order slip would show. */
    private static final int FIRST_TUNNEL_ID = 0x1234;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void bringsUpFiveTunnelsOfFourSessionsWithHiddenAvpsThatL2tpnsRevealsCorrectly() throws Exception {
        try (L2tpnsLns lns = L2tpnsLns.start(dir, SECRET)) {
            Run run = loadtest(lns, 5, 4, "--secret", SECRET, "--hide");
            lns.stop(); // l2tpns's log is complete once it has exited
            String context = run.context(lns);
            assertThat(run.status()).as(context).isZero();
            assertAllUpAndTornDown(run.report(), 5, 4, context);
            assertThat(run.report().at("/challenge_auth").asBoolean()).isTrue();
            assertThat(run.report().at("/hidden_avps").asBoolean()).isTrue();

            List<HiddenAvp> hidden = lns.hiddenAvps();
            Map<String, List<String>> revealed = hidden.stream()
                    .collect(Collectors.groupingBy(
                            HiddenAvp::name, Collectors.mapping(HiddenAvp::revealed, Collectors.toList())));
            assertThat(revealed)
                    .as(context)
                    .containsOnlyKeys(
                            "Host Name",
                            "Vendor Name",
                            "Assigned Tunnel ID",
                            "Assigned Session ID",
                            "Call Serial Number",
                            "Calling Number",
                            "Tx Connect Speed");
            // SCCRQ
            assertThat(revealed.get("Host Name"))
                    .containsOnly("Tunnel hostname = \"lns-loadtest\"")
                    .hasSize(5);
            assertThat(revealed.get("Vendor Name"))
                    .containsOnly("Vendor name = \"lns-loadtest\"")
                    .hasSize(5);
            // SCCRQ and StopCCN: the same ID twice per tunnel
            assertThat(revealed.get("Assigned Tunnel ID"))
                    .containsExactlyInAnyOrderElementsOf(twice(IntStream.range(0, 5)
                            .mapToObj(i -> "Remote tunnel id = " + (FIRST_TUNNEL_ID + i))
                            .toList()));
            // ICRQ
            assertThat(revealed.get("Calling Number"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 5)
                            .boxed()
                            .flatMap(t -> IntStream.rangeClosed(1, 4)
                                    .mapToObj(c -> String.format("Calling <0200.%04x.%04x>", FIRST_TUNNEL_ID + t, c)))
                            .toList());
            assertThat(revealed.get("Call Serial Number"))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20)
                            .mapToObj(n -> "call serial number = " + n)
                            .toList());
            // ICRQ and CDN: per l2tpns tunnel, each session ID twice
            Map<String, Long> sessionIds = hidden.stream()
                    .filter(a -> a.name().equals("Assigned Session ID"))
                    .collect(Collectors.groupingBy(a -> a.tunnel() + " " + a.revealed(), Collectors.counting()));
            assertThat(sessionIds)
                    .hasSize(20)
                    .allSatisfy((k, n) -> assertThat(k).matches("\\d+ assigned session = \\d+"));
            assertThat(sessionIds.values()).containsOnly(2L);
            // ICCN
            assertThat(revealed.get("Tx Connect Speed"))
                    .containsOnly("TX connect speed <100000000>")
                    .hasSize(20);

            assertThat(lns.log())
                    .doesNotContain("hidden AVP", "Hidden AVP", "wrong secret")
                    .contains("Random Vector received.  Enabled AVP Hiding.");
            assertThat(count(lns.log(), "Received ICCN")).isEqualTo(20);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void bringsUpFiveTunnelsOfFourSessionsWithoutASecret() throws Exception {
        try (L2tpnsLns lns = L2tpnsLns.start(dir, SECRET)) {
            Run run = loadtest(lns, 5, 4);
            lns.stop();
            String context = run.context(lns);
            assertThat(run.status()).as(context).isZero();
            assertAllUpAndTornDown(run.report(), 5, 4, context);
            assertThat(run.report().at("/challenge_auth").asBoolean()).isFalse();

            assertThat(lns.hiddenAvps()).isEmpty();
            assertThat(lns.log())
                    .doesNotContain("Random Vector")
                    .contains(String.format("Calling <0200.%04x.0004>", FIRST_TUNNEL_ID + 4));
            assertThat(count(lns.log(), "Received ICCN")).isEqualTo(20);
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void wrongSecretFailsTunnelAuthentication() throws Exception {
        try (L2tpnsLns lns = L2tpnsLns.start(dir, SECRET)) {
            Run run = loadtest(lns, 2, 1, "--secret", "not-the-secret");
            String context = run.context(lns);
            assertThat(run.status()).as(context).isEqualTo(1);
            JsonNode r = run.report();
            assertThat(r.at("/tunnels/up").asLong()).isZero();
            assertThat(r.at("/tunnels/failed").asLong()).isEqualTo(2);
            List<JsonNode> tunnelFailures = new ArrayList<>();
            r.at("/failures").forEach(f -> {
                if (f.at("/phase").asText().equals("tunnel setup")) tunnelFailures.add(f);
            });
            assertThat(tunnelFailures).as(context).singleElement().satisfies(f -> {
                assertThat(f.at("/kind").asText()).isEqualTo("AUTH");
                assertThat(f.at("/count").asLong()).isEqualTo(2);
                assertThat(f.at("/reason").asText()).contains("Challenge Response does not match");
            });
        }
    }

    private static void assertAllUpAndTornDown(JsonNode r, int tunnels, int sessions, String context) {
        assertThat(r.at("/tunnels/up").asLong()).as(context).isEqualTo(tunnels);
        assertThat(r.at("/sessions/up").asLong()).as(context).isEqualTo((long) tunnels * sessions);
        assertThat(r.at("/tunnels/failed").asLong()).isZero();
        assertThat(r.at("/sessions/failed").asLong()).isZero();
        assertThat(r.at("/failures")).as(context).isEmpty();
        assertThat(r.at("/disconnects")).as(context).isEmpty();
        assertThat(r.at("/sessions_disconnected_by_lns").asLong()).isZero();
        assertThat(r.at("/teardown/cdn_sent").asLong()).isEqualTo((long) tunnels * sessions);
        assertThat(r.at("/teardown/cdn_acked").asLong()).as(context).isEqualTo((long) tunnels * sessions);
        assertThat(r.at("/teardown/stopccn_acked").asLong()).as(context).isEqualTo(tunnels);
        assertThat(r.at("/control/malformed").asLong()).isZero();
    }

    private record Run(int status, JsonNode report, String output) {
        String context(L2tpnsLns lns) {
            return output + "\n--- l2tpns ---\n" + lns.log();
        }
    }

    /** {@code lns loadtest} in l2tpns's namespace, as a child JVM on this test's class path. */
    private Run loadtest(L2tpnsLns lns, int tunnels, int sessions, String... extra)
            throws IOException, InterruptedException {
        Path json = dir.resolve("report.json");
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                "io.lns.loadtest.LoadtestMain",
                "--lns",
                lns.spec(),
                "--tunnels",
                Integer.toString(tunnels),
                "--sessions",
                Integer.toString(sessions),
                "--first-tunnel-id",
                Integer.toString(FIRST_TUNNEL_ID),
                "--timeout",
                "5",
                "--threads",
                "2",
                "--teardown",
                "--no-ppp", // the control plane is what this test checks
                "--quiet",
                "--json",
                json.toString()));
        Collections.addAll(cmd, extra);
        Process p = lns.startInNamespace(cmd, "loadtest.out");
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError(
                        "lns loadtest did not finish within 20 s:\n" + read(dir.resolve("loadtest.out")));
            }
        } finally {
            p.destroyForcibly();
        }
        String output = read(dir.resolve("loadtest.out"));
        assertThat(json).as(output).exists();
        return new Run(p.exitValue(), new ObjectMapper().readTree(json.toFile()), output);
    }

    private static <T> List<T> twice(List<T> values) {
        return values.stream().flatMap(v -> List.of(v, v).stream()).toList();
    }

    private static long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
