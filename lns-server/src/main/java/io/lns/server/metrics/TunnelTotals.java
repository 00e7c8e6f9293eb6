package io.lns.server.metrics;

import io.lns.l2tp.control.LnsTunnel;
import io.lns.l2tp.control.ReliableChannelStats;
import io.lns.l2tp.control.TunnelStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * System totals of the per-tunnel counters (openl2tpd's list): what closed tunnels counted plus
 * what live ones count now. Live tunnels are read from other threads without locks; a total may
 * lag by a message or two, which a scrape does not notice.
 */
public final class TunnelTotals {
    private enum Counter {
        RETRANSMITS(
                "lns_control_retransmits",
                "Control messages retransmitted",
                t -> channel(t).retransmitted()),
        FAST_RETRANSMITS(
                "lns_control_fast_retransmits",
                "Control messages resent on duplicate acknowledgements before their timeout (also in"
                        + " lns_control_retransmits)",
                t -> channel(t).fastRetransmits()),
        RETRANSMIT_TIMEOUTS(
                "lns_control_retransmit_timeouts",
                "Retransmission timeouts that fired (each resends what is unacknowledged)",
                t -> channel(t).timeouts()),
        DUPLICATES(
                "lns_control_duplicates",
                "Control messages received again (re-acknowledged)",
                t -> channel(t).duplicates()),
        OUT_OF_ORDER(
                "lns_control_out_of_order",
                "Control messages received early and held",
                t -> channel(t).outOfOrder()),
        OUT_OF_WINDOW(
                "lns_control_out_of_window",
                "Control messages beyond the receive window (dropped)",
                t -> channel(t).outOfWindow()),
        ILLEGAL(
                "lns_control_illegal",
                "Control messages refused as illegal (bad AVPs, wrong state)",
                t -> stats(t).illegal()),
        AUTH_FAILURES("lns_tunnel_auth_failures", "Tunnel authentication failures", t -> stats(t).authFailures()),
        SETUP_FAILURES(
                "lns_session_setup_failures",
                "Calls refused, or cleared when they did not connect within setup-timeout",
                t -> stats(t).sessionSetupFailures()),
        HELLOS("lns_hello_sent", "HELLOs sent", t -> stats(t).hellosSent()),
        VENDOR_AVPS("lns_vendor_avps_received", "Vendor-specific AVPs received", t -> stats(t).vendorAvps());

        final String name;
        final String help;
        final ToLongFunction<LnsTunnel> read;

        Counter(String name, String help, ToLongFunction<LnsTunnel> read) {
            this.name = name;
            this.help = help;
            this.read = read;
        }
    }

    private final LongAdder[] closed = new LongAdder[Counter.values().length];

    public TunnelTotals(MeterRegistry registry, Supplier<Collection<LnsTunnel>> live) {
        for (Counter c : Counter.values()) {
            closed[c.ordinal()] = new LongAdder();
            FunctionCounter.builder(c.name, this, totals -> totals.total(c, live.get()))
                    .description(c.help)
                    .register(registry);
        }
    }

    /** Folds a closing tunnel's counters into the totals. */
    public void tunnelClosed(LnsTunnel t) {
        for (Counter c : Counter.values()) closed[c.ordinal()].add(c.read.applyAsLong(t));
    }

    private double total(Counter c, Collection<LnsTunnel> live) {
        long sum = closed[c.ordinal()].sum();
        for (LnsTunnel t : live) sum += c.read.applyAsLong(t);
        return sum;
    }

    private static ReliableChannelStats channel(LnsTunnel t) {
        return t.channel().stats();
    }

    private static TunnelStats stats(LnsTunnel t) {
        return t.stats();
    }
}
