package io.lns.server.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.config.AuthMode;
import io.lns.config.SourcePort;
import io.lns.l2tp.control.ReliableChannelConfig;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.net.NettyLacTransport;
import io.lns.loadtest.run.LoadOptions;
import io.lns.loadtest.run.LoadReport;
import io.lns.loadtest.run.LoadRunner;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Our load tester (a LAC) against our LNS over real loopback sockets. */
class LoadtestIntegrationTest {
    private static final long MS = 1_000_000L;
    private static final TunnelSecret SECRET = TunnelSecret.of("loadtest-secret");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Admission admission;
    private L2tpTransport transport;

    private InetSocketAddress startLns(TunnelSettings tunnelSettings, Admission.Limits limits) throws Exception {
        return startLns(tunnelSettings, limits, 0);
    }

    private InetSocketAddress startLns(TunnelSettings tunnelSettings, Admission.Limits limits, int peerMaxSessions)
            throws Exception {
        admission = new Admission(limits, System.nanoTime());
        ServerSettings settings = new ServerSettings(
                List.of(new InetSocketAddress("127.0.0.3", 0)),
                (peer, host) -> new TunnelPlan(tunnelSettings, SourcePort.AUTO, peerMaxSessions),
                limits,
                2,
                4 << 20);
        transport = new L2tpTransport(settings, admission, new LnsMetrics(meters, admission));
        return transport.start().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.shutdown(1000);
            transport.close();
        }
    }

    private LoadReport load(InetSocketAddress lns, int tunnels, int sessions, LacConfig lac) throws Exception {
        LoadOptions options = new LoadOptions(
                        lns.getHostString() + ":" + lns.getPort(),
                        tunnels,
                        sessions,
                        200,
                        0,
                        Duration.ZERO,
                        true,
                        1,
                        lac)
                .ppp(false); // the L2TP control plane only: this LNS runs no PPP
        try (NettyLacTransport net = new NettyLacTransport(lns, List.of(InetAddress.getByName("127.0.0.1")), lac, 2)) {
            return new LoadRunner(options, net, System::nanoTime, new PrintWriter(new StringWriter())).run();
        }
    }

    @Test
    void tenTunnelsOfAHundredSessionsComeUpAndGoDown() throws Exception {
        // Short retransmission cycle: after the LAC's StopCCN the tunnel is held for one (§5.7).
        InetSocketAddress lns = startLns(fast(TunnelSettings.defaults("lns-it")), Admission.Limits.NONE);
        LoadReport report = load(lns, 10, 100, LacConfig.defaults());
        assertThat(report.tunnels().up()).isEqualTo(10);
        assertThat(report.sessions().up()).isEqualTo(1000);
        assertThat(report.failures()).isEmpty();
        assertThat(report.teardown().stopccnAcked()).isEqualTo(10);
        awaitNoTunnels();
        assertThat(meters.get("lns_session_setup").timer().count()).isEqualTo(1000);
        assertThat(meters.get("lns_control_illegal").functionCounter().count()).isZero();
    }

    @Test
    void withChallengeAuthenticationAndHiddenAvpsBothWays() throws Exception {
        InetSocketAddress lns = startLns(
                TunnelSettings.defaults("lns-it").withSecret(SECRET, AuthMode.NONE, true), Admission.Limits.NONE);
        LacConfig lac = LacConfig.defaults().withSecret(SECRET, true);
        LoadReport report = load(lns, 10, 100, lac);
        assertThat(report.sessions().up()).isEqualTo(1000);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void everySessionComesUpThroughALossyReorderingRelay() throws Exception {
        // Both channels retry 20 times, not 10: at 20% loss each way, ten failed attempts in a row
        // come a few times in 160,000 messages, and a channel that gives up then is RFC 2661
        // working as configured, not a call the LNS lost. The LAC gives a call 60 s, longer than
        // its channel retries a message, not its default 10 s: a tunnel's 20th call waits behind
        // every loss of the 19 before it (l2tp-control's LossyCallsTest: 0.3% of calls beyond 10 s
        // in simulated time), so 10 s tested the machine's speed, not the LNS.
        ReliableChannelConfig lossy = new ReliableChannelConfig(16, 200 * MS, 1600 * MS, 20, 50 * MS);
        InetSocketAddress lns = startLns(withChannel(TunnelSettings.defaults("lns-it"), lossy), Admission.Limits.NONE);
        try (LossyRelay relay = new LossyRelay(new InetSocketAddress("127.0.0.4", 0), lns, 0.2, 0.1, 30)) {
            LacConfig lac = LacConfig.defaults()
                    .withChannel(lossy)
                    .withTimeouts(Duration.ofSeconds(60), LacConfig.defaults().teardownTimeout());
            LoadReport report = load(relay.address(), 5, 20, lac);
            assertThat(report.tunnels().up()).as("%s", report.failures()).isEqualTo(5);
            assertThat(report.sessions().up()).as("%s", report.failures()).isEqualTo(100);
            assertThat(report.control().retransmitted()).isPositive();
            assertThat(meters.get("lns_control_retransmits").functionCounter().count())
                    .as("the LNS retransmitted too")
                    .isPositive();
        }
    }

    @Test
    void aBurstOfCallsOnOneTunnelStarvesNoOtherTunnelsHellos() throws Exception {
        TunnelSettings s = fast(TunnelSettings.defaults("lns-it"));
        TunnelSettings helloEverySecond = new TunnelSettings(
                s.hostName(),
                s.secret(),
                s.authMode(),
                s.peerProfileMatched(),
                s.hideAvps(),
                1000 * MS,
                s.channel(),
                s.maxSessions(),
                s.sequencing(),
                s.traceMask(),
                s.hideAvpsInSccrp(),
                s.setupTimeout());
        InetSocketAddress lns = startLns(helloEverySecond, Admission.Limits.NONE);
        var quiet = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            LacConfig lac = LacConfig.defaults();
            var idle = quiet.submit(() -> {
                LoadOptions o = new LoadOptions(
                                lns.getHostString() + ":" + lns.getPort(),
                                5,
                                0,
                                10,
                                0,
                                Duration.ofSeconds(6),
                                true,
                                100,
                                lac)
                        .ppp(false); // the L2TP control plane only: this LNS runs no PPP
                try (NettyLacTransport net =
                        new NettyLacTransport(lns, List.of(InetAddress.getByName("127.0.0.1")), lac, 1)) {
                    return new LoadRunner(o, net, System::nanoTime, new PrintWriter(new StringWriter())).run();
                }
            });
            Thread.sleep(500);
            LoadOptions burst = new LoadOptions(
                            lns.getHostString() + ":" + lns.getPort(), 1, 5000, 5000, 0, Duration.ZERO, true, 1, lac)
                    .ppp(false); // the L2TP control plane only: this LNS runs no PPP
            LoadReport busy;
            try (NettyLacTransport net =
                    new NettyLacTransport(lns, List.of(InetAddress.getByName("127.0.0.1")), lac, 1)) {
                busy = new LoadRunner(burst, net, System::nanoTime, new PrintWriter(new StringWriter())).run();
            }
            LoadReport calm = idle.get();
            assertThat(busy.sessions().up()).isEqualTo(5000);
            assertThat(calm.tunnels().up()).isEqualTo(5);
            assertThat(calm.failures()).isEmpty();
            assertThat(calm.disconnects()).isEmpty();
            assertThat(calm.teardown().stopccnAcked())
                    .as("all idle tunnels still up at the end")
                    .isEqualTo(5);
            assertThat(meters.get("lns_control_messages_sent")
                            .tag("type", "HELLO")
                            .counter()
                            .count())
                    .isPositive();
        } finally {
            quiet.shutdownNow();
        }
    }

    @Test
    void admissionLimitsRefuseExactlyTheExcess() throws Exception {
        Admission.Limits limits = new Admission.Limits(3, 50, 0, 0, 0, 0, 0, false);
        InetSocketAddress lns = startLns(TunnelSettings.defaults("lns-it"), limits);
        LoadReport report = load(lns, 5, 20, LacConfig.defaults());
        assertThat(report.tunnels().up()).isEqualTo(3);
        assertThat(report.sessions().up()).isEqualTo(50);
        assertThat(admission.refusedTunnels()).isPositive();
        assertThat(admission.refusedSessions()).isEqualTo(10);
        assertThat(meters.get("lns_session_setup_failures").functionCounter().count())
                .isEqualTo(10);
    }

    @Test
    void aPeerSessionLimitCountsAcrossThatPeersTunnels() throws Exception {
        InetSocketAddress lns = startLns(TunnelSettings.defaults("lns-it"), Admission.Limits.NONE, 30);
        LoadReport report = load(lns, 4, 10, LacConfig.defaults());
        assertThat(report.tunnels().up()).isEqualTo(4);
        assertThat(report.sessions().up()).isEqualTo(30);
        assertThat(admission.refusedSessions()).isEqualTo(10);
    }

    private static TunnelSettings fast(TunnelSettings s) {
        return withChannel(s, new ReliableChannelConfig(16, 200 * MS, 1600 * MS, 10, 50 * MS));
    }

    private static TunnelSettings withChannel(TunnelSettings s, ReliableChannelConfig channel) {
        return new TunnelSettings(
                s.hostName(),
                s.secret(),
                s.authMode(),
                s.peerProfileMatched(),
                s.hideAvps(),
                s.helloInterval(),
                channel,
                s.maxSessions(),
                s.sequencing(),
                s.traceMask(),
                s.hideAvpsInSccrp(),
                s.setupTimeout());
    }

    private void awaitNoTunnels() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000 * MS;
        while (admission.tunnels() > 0 && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(admission.tunnels()).isZero();
        assertThat(admission.sessions()).isZero();
    }
}
