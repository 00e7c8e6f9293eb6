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
        out.println(
                r.ppp() == null
                        ? "  (tunnel latency: SCCRQ -> SCCRP; session latency: ICRQ -> ICCN acknowledged)"
                        : "  (tunnel latency: SCCRQ -> SCCRP; session latency: ICRQ -> IPCP up)");
        if (r.ppp() != null) ppp(out, r.ppp());
        if (r.data() != null) data(out, r.data());
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

    private static void ppp(PrintWriter out, LoadReport.Ppp p) {
        out.println();
        out.printf(
                Locale.ROOT,
                "PPP (--auth %s%s): %d up, %d with IPv6CP, %d authentication failures; methods %s%n",
                p.auth(),
                p.proxyLcp() ? ", proxy LCP" : "",
                p.up(),
                p.ipv6Up(),
                p.authFailed(),
                p.authMethods().isEmpty() ? "-" : new java.util.TreeMap<>(p.authMethods()));
        out.printf(Locale.ROOT, "  %-24s %9s %10s %10s %10s%n", "from ICCN to", "count", "p50 ms", "p99 ms", "max ms");
        phase(out, "LCP up", p.lcpUpMs());
        phase(out, "authentication done", p.authDoneMs());
        phase(out, "IPCP up", p.ipcpUpMs());
        LoadReport.Addresses a = p.addresses();
        out.printf(
                Locale.ROOT,
                "  addresses: %d assigned, %d distinct, %d duplicates (given while another subscriber held them),"
                        + " %d with DNS%n",
                a.assigned(),
                a.distinct(),
                a.duplicates(),
                a.withDns());
        LoadReport.DataMessages d = p.dataMessages();
        out.printf(
                Locale.ROOT,
                "  data messages: %d sent, %d received, %d malformed, %d for unknown sessions, %d out of sequence%n",
                d.sent(),
                d.received(),
                d.malformed(),
                d.unknownSession(),
                d.outOfSequence());
        for (LoadReport.Reason f : p.authFailures()) {
            out.printf(Locale.ROOT, "  authentication failure x%d: %s%n", f.count(), f.reason());
        }
    }

    private static void phase(PrintWriter out, String name, LoadReport.Latency l) {
        out.printf(
                Locale.ROOT, "  %-24s %9d %10s %10s %10s%n", name, l.count(), fmt(l.p50()), fmt(l.p99()), fmt(l.max()));
    }

    private static void data(PrintWriter out, LoadReport.Data d) {
        out.println();
        for (LoadReport.Probe p : java.util.Arrays.asList(d.ping(), d.udp())) {
            if (p == null) continue;
            out.printf(
                    Locale.ROOT,
                    "%s %s: %d sent, %d received, %d lost, %d late; rtt p50 %s ms, p99 %s ms%n",
                    p == d.ping() ? "ping" : "udp",
                    p.target(),
                    p.sent(),
                    p.received(),
                    p.lost(),
                    p.late(),
                    fmt(p.rttMs().p50()),
                    fmt(p.rttMs().p99()));
        }
        out.printf(
                Locale.ROOT,
                "subscriber IP: %d received (%d malformed, %d unmatched), %d echo requests answered, %d spoofed sent%n",
                d.ipReceived(),
                d.ipMalformed(),
                d.ipUnmatched(),
                d.echoRequestsAnswered(),
                d.spoofedSent());
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
