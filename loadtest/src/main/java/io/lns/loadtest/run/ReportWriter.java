package io.lns.loadtest.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes a {@link LoadReport} as a table for people and as JSON for scripts. */
public final class ReportWriter {
    private ReportWriter() {}

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    public static void writeJson(LoadReport report, Path file) throws IOException {
        mapper().writeValue(file.toFile(), report);
    }

    public static String json(LoadReport report) throws IOException {
        return mapper().writeValueAsString(report);
    }

    public static void table(LoadReport r, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "lns loadtest -> %s: %d tunnels x %d sessions, concurrency %d, rate %s%s%s%n",
                r.lns(),
                r.tunnelsRequested(),
                r.sessionsPerTunnel(),
                r.concurrency(),
                r.ratePerSecond() > 0 ? fmt(r.ratePerSecond()) + "/s" : "unlimited",
                r.challengeAuth() ? ", challenge auth" : "",
                r.hiddenAvps() ? ", hidden AVPs" : "");
        out.println();
        out.printf(
                Locale.ROOT,
                "%-9s %9s %9s %9s %10s %10s %10s %10s %10s%n",
                "",
                "requested",
                "up",
                "failed",
                "setup/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "in s");
        row(out, "tunnels", r.tunnels());
        row(out, "sessions", r.sessions());
        out.println("  (tunnel latency: SCCRQ -> SCCRP; session latency: ICRQ -> ICCN acknowledged)");
        out.println();
        out.printf(
                Locale.ROOT,
                "sessions disconnected by the LNS after setup: %d; up after the hold: %d%n",
                r.sessionsDisconnectedByLns(),
                r.sessionsUpAfterHold());
        reasons(out, "failures", r.failures());
        reasons(out, "disconnects after setup", r.disconnects());
        if (r.teardown() != null) {
            LoadReport.Teardown t = r.teardown();
            out.printf(
                    Locale.ROOT,
                    "%nteardown: %d/%d CDNs and %d/%d StopCCNs acknowledged in %s s%n",
                    t.cdnAcked(),
                    t.cdnSent(),
                    t.stopccnAcked(),
                    t.stopccnSent(),
                    fmt(t.seconds()));
        }
        LoadReport.Control c = r.control();
        out.printf(
                Locale.ROOT,
                "%ncontrol messages: %d sent, %d retransmitted, %d received (%d ZLB), %d ZLB sent, %d duplicates,"
                        + " %d ignored, %d malformed%n",
                c.sent(),
                c.retransmitted(),
                c.received(),
                c.zlbReceived(),
                c.zlbSent(),
                c.duplicatesReceived(),
                c.ignored(),
                c.malformed());
        out.printf(Locale.ROOT, "elapsed: %s s%n", fmt(r.elapsedSeconds()));
        out.flush();
    }

    private static void row(PrintWriter out, String name, LoadReport.Setup s) {
        out.printf(
                Locale.ROOT,
                "%-9s %9d %9d %9d %10s %10s %10s %10s %10s%n",
                name,
                s.requested(),
                s.up(),
                s.failed(),
                fmt(s.perSecond()),
                fmt(s.latencyMs().p50()),
                fmt(s.latencyMs().p99()),
                fmt(s.latencyMs().max()),
                fmt(s.seconds()));
    }

    private static void reasons(PrintWriter out, String title, List<LoadReport.Reason> reasons) {
        out.println();
        if (reasons.isEmpty()) {
            out.println(title + ": none");
            return;
        }
        out.println(title + ":");
        out.printf(Locale.ROOT, "  %-20s %7s  %s%n", "phase", "count", "reason");
        for (LoadReport.Reason r : reasons) {
            out.printf(Locale.ROOT, "  %-20s %7d  %s%n", r.phase(), r.count(), r.reason());
            if (!r.description().isEmpty()) out.printf(Locale.ROOT, "  %-20s %7s    %s%n", "", "", r.description());
        }
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return String.format(Locale.ROOT, v >= 100 ? "%.1f" : "%.3f", v);
    }
}
