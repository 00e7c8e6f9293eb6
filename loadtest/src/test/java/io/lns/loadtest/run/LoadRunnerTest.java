package io.lns.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.loadtest.lac.LacConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The load runner against an in-memory LNS: concurrency, pacing, accounting and the report. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class LoadRunnerTest {
    private static final long MS = 1_000_000L;
    private static final LacConfig LAC =
            LacConfig.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

    private static LoadOptions options(int tunnels, int calls, int concurrency, double rate, boolean teardown) {
        return new LoadOptions("in-memory", tunnels, calls, concurrency, rate, Duration.ZERO, teardown, 1, LAC)
                .ppp(false);
    }

    @Test
    void neverHasMoreSetupsUnderWayThanTheConcurrency() throws Exception {
        try (InMemoryLns lns = new InMemoryLns(LAC, t -> false, s -> false, 20 * MS)) {
            LoadReport r = new LoadRunner(options(4, 10, 5, 0, true), lns, System::nanoTime, null).run();

            assertThat(r.tunnels().up()).isEqualTo(4);
            assertThat(r.sessions().up()).isEqualTo(40);
            assertThat(r.failures()).isEmpty();
            assertThat(lns.maxCallsInSetup).isBetween(3, 5);
            assertThat(r.sessions().latencyMs().count()).isEqualTo(40);
            assertThat(r.sessions().latencyMs().p50()).isGreaterThanOrEqualTo(20.0);
            assertThat(r.sessions().perSecond()).isPositive();
            assertThat(r.teardown())
                    .isEqualTo(new LoadReport.Teardown(
                            4, 40, 40, 4, 4, r.teardown().seconds()));
            assertThat(r.control().sent()).isEqualTo(4 * 2 + 40 * 2 + 40 + 4); // SCCRQ, SCCCN, ICRQ, ICCN, CDN, StopCCN
            assertThat(r.control().retransmitted()).isZero();
        }
    }

    @Test
    void pacesCallsWithTheTokenBucket() throws Exception {
        try (InMemoryLns lns = new InMemoryLns(LAC, t -> false, s -> false, 0)) {
            LoadReport r = new LoadRunner(options(2, 20, 100, 200, false), lns, System::nanoTime, null).run();

            assertThat(r.sessions().up()).isEqualTo(40);
            List<Long> times = lns.icrqTimes;
            long span = times.get(times.size() - 1) - times.get(0);
            // 40 calls at 200/s with a 10-token burst: at least (40 - 10 - 1) / 200 s.
            assertThat(span).isGreaterThan(140 * MS).isLessThan(1000 * MS);
            assertThat(r.teardown()).isNull();
        }
    }

    @Test
    void countsFailuresByReasonAndTheCallsOfFailedTunnels() throws Exception {
        try (InMemoryLns lns = new InMemoryLns(LAC, t -> t == 2, serial -> serial % 5 == 0, 0)) {
            StringWriter progress = new StringWriter();
            LoadReport r =
                    new LoadRunner(options(3, 10, 4, 0, true), lns, System::nanoTime, new PrintWriter(progress)).run();

            assertThat(r.tunnels().up()).isEqualTo(2);
            assertThat(r.tunnels().failed()).isEqualTo(1);
            assertThat(r.sessions().up() + r.sessions().failed()).isEqualTo(30);
            assertThat(r.sessions().failed()).isEqualTo(10 + 4); // the refused tunnel's 10, serials 5, 10, 15, 20
            assertThat(r.failures())
                    .extracting(LoadReport.Reason::phase, LoadReport.Reason::reason, LoadReport.Reason::count)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("tunnel setup", "StopCCN result=2 error=4", 1L),
                            org.assertj.core.groups.Tuple.tuple(
                                    "session setup", "tunnel down (StopCCN result=2 error=4)", 10L),
                            org.assertj.core.groups.Tuple.tuple("session setup", "CDN result=4", 4L));
            LoadReport.Reason stop = r.failures().stream()
                    .filter(f -> f.phase().equals("tunnel setup"))
                    .findFirst()
                    .orElseThrow();
            assertThat(stop.result()).isEqualTo(2);
            assertThat(stop.error()).isEqualTo(4);
            assertThat(stop.description())
                    .isEqualTo("General error, Error Code indicates the problem;"
                            + " Insufficient resources to handle this operation now \"full\"");

            StringWriter table = new StringWriter();
            ReportWriter.table(r, new PrintWriter(table));
            assertThat(table.toString()).contains("StopCCN result=2 error=4", "CDN result=4", "teardown: 16/16 CDNs");
            assertThat(ReportWriter.json(r))
                    .contains("\"sessions_per_tunnel\" : 10", "\"latency_ms\"", "\"stopccn_acked\" : 2");
        }
    }
}
