package io.lns.server.demo;

import io.lns.loadtest.run.LoadReport;
import io.lns.server.daemon.LnsServer;
import java.io.PrintWriter;

/** The demo's closing lines, and its verdict. */
final class DemoSummary {
    private DemoSummary() {}

    /** Prints the summary; 0 when every subscriber came up, got a unique address and left cleanly. */
    static int print(PrintWriter out, LoadReport r, LnsServer server, int expected, boolean tun) {
        LoadReport.Ppp ppp = r.ppp();
        out.println();
        out.printf(
                "tunnels:      %d/%d up, %.0f/s%n",
                r.tunnels().up(), r.tunnels().requested(), r.tunnels().perSecond());
        out.printf(
                "subscribers:  %d/%d with PPP up (IPv6CP %d), auth failures %d, methods %s%n",
                ppp.up(), expected, ppp.ipv6Up(), ppp.authFailed(), ppp.authMethods());
        ppp.authFailures().forEach(f -> out.printf("              auth failure: %s x%d%n", f.reason(), f.count()));
        out.printf(
                "PPP setup:    LCP %.1f ms, auth %.1f ms, IPCP %.1f ms (median after ICCN)%n",
                ppp.lcpUpMs().p50(), ppp.authDoneMs().p50(), ppp.ipcpUpMs().p50());
        out.printf(
                "addresses:    %d assigned, %d distinct, %d duplicates%n",
                ppp.addresses().assigned(),
                ppp.addresses().distinct(),
                ppp.addresses().duplicates());
        LoadReport.Probe ping = r.data() == null ? null : r.data().ping();
        if (ping != null) {
            out.printf(
                    "pings:        %d sent to the gateway, %d answered, %d lost%s%n",
                    ping.sent(),
                    ping.received(),
                    ping.lost(),
                    ping.received() > 0
                            ? String.format(", RTT median %.2f ms", ping.rttMs().p50())
                            : "");
            if (!tun) out.println("              (data path none drops subscribers' packets by design)");
        }
        if (r.teardown() != null) {
            out.printf(
                    "teardown:     %d CDNs acknowledged, %d StopCCNs acknowledged in %.2f s%n",
                    r.teardown().cdnAcked(),
                    r.teardown().stopccnAcked(),
                    r.teardown().seconds());
        }
        out.printf(
                "LNS auth:     %d accepted, %d rejected%n",
                server.subscribers().pppMetrics().authAccepted(),
                server.subscribers().pppMetrics().authRejected());
        long leased = server.subscribers().pppMetrics().addressesLeased();
        out.printf(
                "LNS after:    %d subscribers up, %d addresses leased%n",
                server.subscribers().pppMetrics().subscribersUp(), leased);
        boolean ok = ppp.up() == expected
                && ppp.addresses().distinct() == expected
                && ppp.addresses().duplicates() == 0
                && leased == 0
                && (!tun || ping == null || ping.received() * 10 >= ping.sent() * 9);
        out.println(ok ? "demo OK" : "demo FAILED");
        out.flush();
        return ok ? 0 : 1;
    }
}
