package io.lns.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.linux.NetNamespace;
import io.lns.server.pool.Ipv4;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end check, on the host's kernel in two network namespaces this test creates,
 * joined by a veth pair: {@code lns run --dataplane tun} in one, the load tester's LAC with 1,000
 * PPP subscribers (PAP, CHAP, MS-CHAPv2 in turn) in the other, each a separate JVM as an operator
 * would run them.
 */
class TunNamespaceEndToEndTest {
    private static final String LNS_ADDRESS = "10.250.0.1";
    private static final String LAC_ADDRESS = "10.250.0.2";
    private static final int SUBSCRIBERS = 1000;
    private static final int METRICS_PORT = 9109;

    @TempDir
    Path dir;

    private final String suffix = Long.toString(ProcessHandle.current().pid());
    private final String lnsNs = "lns-e2e-l-" + suffix;
    private final String lacNs = "lns-e2e-c-" + suffix;
    private NetNamespace lnsNamespace;
    private Process lns;
    private Path lnsLog;

    @BeforeEach
    void namespaces() throws Exception {
        String why = NetNamespace.unavailableReason();
        assumeTrue(why == null, why);
        lnsNamespace = NetNamespace.create(lnsNs);
        sh("ip", "netns", "add", lacNs);
        // veth names only need to be unique inside the namespaces, which are ours
        String lnsVeth = "e2e-l";
        sh("ip", "link", "add", lnsVeth, "netns", lnsNs, "type", "veth", "peer", "name", "e2e-c", "netns", lacNs);
        sh("ip", "-n", lnsNs, "addr", "add", LNS_ADDRESS + "/24", "dev", lnsVeth);
        sh("ip", "-n", lacNs, "addr", "add", LAC_ADDRESS + "/24", "dev", "e2e-c");
        for (String ns : List.of(lnsNs, lacNs)) sh("ip", "-n", ns, "link", "set", "lo", "up");
        sh("ip", "-n", lnsNs, "link", "set", lnsVeth, "up");
        sh("ip", "-n", lacNs, "link", "set", "e2e-c", "up");
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (lns != null && lns.isAlive()) {
            lns.destroyForcibly();
            lns.waitFor(10, TimeUnit.SECONDS);
        }
        if (lnsNamespace != null) lnsNamespace.close();
        new ProcessBuilder("ip", "netns", "del", lacNs).start().waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void subscribersGetUniqueAddressesAndTrafficCrossesTheTunBothWays() throws Exception {
        Path users = dir.resolve("users.yaml");
        StringBuilder u = new StringBuilder("users:\n");
        for (int i = 1; i <= SUBSCRIBERS; i++) u.append("  user").append(i).append(": {password: e2e-secret}\n");
        Files.writeString(users, u);
        Path config = dir.resolve("lns.yaml");
        Files.writeString(config, """
                system:
                  listen-addresses: [%s]
                  host-name: lns-e2e
                  users-file: %s
                  max-sessions-in-setup: 4096
                  new-tunnel-rate: {per-second: 1000, burst: 1000}
                  new-call-rate: {per-second: 100000, burst: 10000}
                  dataplane: tun
                ppp-profiles:
                  default:
                    pool: default
                    lcp-echo-interval: 5s
                address-pools:
                  default: {ranges: [100.64.0.0/16], gateway: 100.64.0.1}
                """.formatted(LNS_ADDRESS, users));
        lnsLog = dir.resolve("lns.log");
        lns = java(lnsNs, lnsLog, "run", "-c", config.toString(), "--metrics", "127.0.0.1:" + METRICS_PORT);
        awaitLog(lnsLog, "listening on /" + LNS_ADDRESS);

        // 1,000 subscribers, each pinging the gateway and sending one packet with a spoofed source
        Path report = dir.resolve("report.json");
        Process lac = java(
                lacNs,
                dir.resolve("lac.log"),
                "loadtest",
                "--lns",
                LNS_ADDRESS,
                "--tunnels",
                "10",
                "--sessions",
                "100",
                "--auth",
                "mix",
                "--password",
                "e2e-secret",
                "--ping",
                "gateway",
                "--ping-count",
                "3",
                "--spoof",
                "1",
                "--hold",
                "15",
                "--teardown",
                "--json",
                report.toString());
        awaitMetric("lns_subscribers_up", SUBSCRIBERS, 60);

        // from the LNS's namespace to every subscriber: the pool hands out addresses in order
        List<Integer> unanswered = pingEverySubscriber();
        assertThat(unanswered)
                .as("subscribers not answering pings through the TUN")
                .isEmpty();

        assertThat(lac.waitFor(90, TimeUnit.SECONDS)).as("loadtest finished").isTrue();
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(lac.exitValue()).as(Files.readString(dir.resolve("lac.log"))).isZero();
        assertThat(r.at("/ppp/up").asLong()).isEqualTo(SUBSCRIBERS);
        assertThat(r.at("/ppp/addresses/distinct").asLong()).isEqualTo(SUBSCRIBERS);
        assertThat(r.at("/ppp/addresses/duplicates").asLong()).isZero();
        assertThat(r.at("/data/ping/sent").asLong()).isEqualTo(3L * SUBSCRIBERS);
        assertThat(r.at("/data/ping/received").asLong()).isEqualTo(3L * SUBSCRIBERS);
        assertThat(r.at("/data/echo_requests_answered").asLong()).isGreaterThanOrEqualTo(SUBSCRIBERS);
        assertThat(metric("lns_data_packets_dropped_total{reason=\"spoofed_source\"}"))
                .isEqualTo(r.at("/data/spoofed_sent").asLong())
                .isEqualTo(SUBSCRIBERS);
        assertThat(metric("lns_subscribers_up")).isZero();
        assertThat(metric("lns_addresses_leased")).as("every lease returned").isZero();

        // a BRAS-like LAC with proxy LCP and proxy PAP/CHAP: no LCP renegotiation
        Process proxied = java(
                lacNs,
                dir.resolve("proxy.log"),
                "loadtest",
                "--lns",
                LNS_ADDRESS,
                "--tunnels",
                "1",
                "--sessions",
                "60",
                "--auth",
                "mix",
                "--password",
                "e2e-secret",
                "--proxy-lcp",
                "--teardown");
        assertThat(proxied.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(proxied.exitValue())
                .as(Files.readString(dir.resolve("proxy.log")))
                .isZero();
        assertThat(metric("lns_ppp_proxy_lcp_total{outcome=\"accepted\"}")).isEqualTo(60);

        lns.destroy(); // SIGTERM
        assertThat(lns.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lns.exitValue()).as(Files.readString(lnsLog)).isZero();
        assertThat(output("ip", "-n", lnsNs, "link", "show")).doesNotContain("lns0");
        assertThat(output("ip", "-n", lnsNs, "route", "show")).doesNotContain("100.64.");
    }

    private List<Integer> pingEverySubscriber() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<Boolean>> answers = new ArrayList<>();
            int first = Ipv4.parse("100.64.0.2");
            for (int i = 0; i < SUBSCRIBERS; i++) {
                InetAddress a = Ipv4.toAddress(first + i);
                answers.add(pool.submit(() -> lnsNamespace.call(() -> reachable(a))));
            }
            List<Integer> unanswered = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) if (!answers.get(i).get(30, TimeUnit.SECONDS)) unanswered.add(i);
            return unanswered;
        } finally {
            pool.shutdownNow();
        }
    }

    /** ICMP echo (root makes isReachable use a raw socket, opened in the caller's namespace); 3 tries. */
    private static boolean reachable(InetAddress a) throws IOException {
        for (int i = 0; i < 3; i++) if (a.isReachable(1000)) return true;
        return false;
    }

    private Process java(String ns, Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                ns,
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                cp,
                "io.lns.server.cli.LnsMain"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private void awaitLog(Path log, String text) throws Exception {
        for (int i = 0; i < 300; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            if (!lns.isAlive()) break;
            Thread.sleep(100);
        }
        throw new AssertionError(
                "no '" + text + "' in the LNS log:\n" + (Files.exists(log) ? Files.readString(log) : ""));
    }

    private void awaitMetric(String name, long value, int seconds) throws Exception {
        long last = -1;
        for (int i = 0; i < seconds * 5; i++) {
            last = metric(name);
            if (last == value) return;
            Thread.sleep(200);
        }
        throw new AssertionError(name + " stayed at " + last + ", not " + value + "; LNS log:\n" + tail(lnsLog));
    }

    /** A value from the LNS's Prometheus endpoint, fetched inside its namespace; 0 when absent. */
    private long metric(String series) throws Exception {
        String text =
                output("ip", "netns", "exec", lnsNs, "curl", "-s", "http://127.0.0.1:" + METRICS_PORT + "/metrics");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$")
                .matcher(text);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    private static String tail(Path log) throws IOException {
        String s = Files.exists(log) ? Files.readString(log) : "";
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }

    private static void sh(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }

    private static String output(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }
}
