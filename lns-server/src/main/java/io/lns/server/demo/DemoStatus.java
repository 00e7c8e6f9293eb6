package io.lns.server.demo;

import io.lns.server.daemon.LnsServer;
import io.lns.server.tunnel.Admission;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;

/** The demo's live table: one line per tick from the server's own counters. */
final class DemoStatus {
    private final LnsServer server;
    private final PrintWriter out;
    private final long startedAt;
    private long lastUp;
    private long lastAt;

    DemoStatus(LnsServer server, PrintWriter out, long now) {
        this.server = server;
        this.out = out;
        this.startedAt = now;
        this.lastAt = now;
    }

    void header() {
        out.printf(
                "%7s %7s %9s %9s %7s %9s %7s %11s %10s %10s%n",
                "time",
                "tunnels",
                "sessions",
                "in-setup",
                "ppp-up",
                "setup/s",
                "leased",
                "echo-rtt",
                "pkts-in",
                "pkts-out");
    }

    void line(long now) {
        Admission a = server.admission();
        var ppp = server.subscribers().pppMetrics();
        var data = server.subscribers().dataMetrics();
        long up = ppp.subscribersUp();
        double seconds = (now - lastAt) / 1e9;
        double rate = seconds > 0 ? Math.max(0, up - lastUp) / seconds : 0;
        lastUp = up;
        lastAt = now;
        var echo = ppp.echoRoundTrips();
        String rtt = echo.count() == 0 ? "-" : String.format("%.2f ms", echo.mean(TimeUnit.MICROSECONDS) / 1000);
        out.printf(
                "%6.1fs %7d %9d %9d %7d %9.0f %7d %11s %10d %10d%n",
                (now - startedAt) / 1e9,
                a.tunnels(),
                a.sessions(),
                a.sessionsInSetup(),
                up,
                rate,
                ppp.addressesLeased(),
                rtt,
                data.fromSubscriberPackets(),
                data.toSubscriberPackets());
        out.flush();
    }
}
