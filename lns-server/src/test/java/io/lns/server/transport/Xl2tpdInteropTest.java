package io.lns.server.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.lns.config.AuthMode;
import io.lns.config.SourcePort;
import io.lns.config.TraceMask;
import io.lns.l2tp.control.ReliableChannelConfig;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** xl2tpd as the LAC dials our LNS over loopback: tunnel, call, its CDN, its StopCCN. */
class Xl2tpdInteropTest {
    private static final String LNS = "127.0.0.2";
    /**
     * A fresh LAC address per test: a previous test's xl2tpd may still hold its port for a moment
     * after it was told to stop, and a second xl2tpd on the same address would fail to bind.
     */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_LAC =
            new java.util.concurrent.atomic.AtomicInteger(50);

    private final String LAC = "127.0.0." + NEXT_LAC.getAndIncrement();
    private static final long MS = 1_000_000L;
    /** Short retransmission so the post-StopCCN hold (§5.7) ends within the test. */
    private static final ReliableChannelConfig FAST = new ReliableChannelConfig(16, 200 * MS, 400 * MS, 3, 50 * MS);

    @TempDir
    Path tmp;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private Admission admission;
    private L2tpTransport transport;

    private void startLns(TunnelSettings tunnelSettings) throws Exception {
        assumeTrue(Xl2tpdLac.usable(), "xl2tpd missing or no PID namespace (needs root; .ci/run installs xl2tpd)");
        admission = new Admission(Admission.Limits.NONE, System.nanoTime());
        ServerSettings settings = new ServerSettings(
                List.of(new InetSocketAddress(LNS, ServerSettings.L2TP_PORT)),
                (peer, host) -> new TunnelPlan(tunnelSettings, SourcePort.AUTO),
                Admission.Limits.NONE,
                2,
                1 << 20);
        transport = new L2tpTransport(settings, admission, new LnsMetrics(meters, admission));
        transport.start();
    }

    @AfterEach
    void stop() throws Exception {
        if (transport != null) {
            transport.shutdown(1000);
            transport.close();
            transport = null;
        }
    }

    private static TunnelSettings plain() {
        TunnelSettings d = TunnelSettings.defaults("lns-test");
        return new TunnelSettings(
                d.hostName(),
                null,
                AuthMode.NONE,
                false,
                false,
                d.helloInterval(),
                FAST,
                0,
                d.sequencing(),
                TraceMask.ALL.bits(),
                true,
                d.setupTimeout());
    }

    @Test
    void xl2tpdBringsUpATunnelAndACallAndClearsThem() throws Exception {
        startLns(plain());
        try (Xl2tpdLac lac = new Xl2tpdLac(tmp, LAC, LNS, null, false)) {
            lac.dial();
            await("session established", () -> count("lns_session_setup") == 1);
            await("xl2tpd's CDN", () -> received("CDN") == 1);
            await("session cleaned up", () -> admission.sessions() == 0);
            assertThat(admission.tunnels()).isEqualTo(1);
            assertThat(transport.status())
                    .singleElement()
                    .asString()
                    .contains("ESTABLISHED", "peer /" + LAC + ":1701", "peer RWS", "sessions 0");
            lac.hangUp();
            await("StopCCN", () -> received("StopCCN") == 1);
            await("tunnel gone", () -> admission.tunnels() == 0);
            assertThat(received("SCCRQ")).isEqualTo(1);
            assertThat(received("SCCCN")).isEqualTo(1);
            assertThat(received("ICRQ")).isEqualTo(1);
            assertThat(received("ICCN")).isEqualTo(1);
            assertThat(sent("SCCRP")).isEqualTo(1);
            assertThat(sent("ICRP")).isEqualTo(1);
            assertThat(lac.log()).contains("Connection established to 127.0.0.2", "Call established with 127.0.0.2");
        }
    }

    @Test
    void xl2tpdPassesChallengeAuthenticationWithTheSharedSecret() throws Exception {
        startLns(plain().withSecret(TunnelSecret.of("interop-secret"), AuthMode.NONE, false));
        try (Xl2tpdLac lac = new Xl2tpdLac(tmp, LAC, LNS, "interop-secret", false)) {
            lac.dial();
            await("session established", () -> count("lns_session_setup") == 1);
            assertThat(lac.log()).contains("Connection established");
        }
    }

    /**
     * xl2tpd parses our SCCRP before it loads the tunnel secret (it does so only afterwards, and only
     * because the SCCRP carries our Challenge), so it reveals a hidden Assigned Tunnel ID there with
     * an empty secret and refuses the tunnel.
     */
    @Test
    void xl2tpdCannotRevealAHiddenAvpInTheSccrp() throws Exception {
        startLns(plain().withSecret(TunnelSecret.of("interop-secret"), AuthMode.NONE, true));
        try (Xl2tpdLac lac = new Xl2tpdLac(tmp, LAC, LNS, "interop-secret", true)) {
            lac.dial();
            await("xl2tpd refuses our hidden Assigned Tunnel ID", () -> logContains(lac, "Invalid Hidden AVP"));
            assertThat(lac.log()).contains("decrypt_avp: Decrypted length is too long");
            assertThat(count("lns_session_setup")).isZero();
        }
    }

    /** With the SCCRP in the clear, xl2tpd reveals the hidden Assigned Session ID of our ICRP. */
    @Test
    void xl2tpdRevealsHiddenAvpsAfterTheSccrp() throws Exception {
        startLns(plain().withSecret(TunnelSecret.of("interop-secret"), AuthMode.NONE, true)
                .withHideAvpsInSccrp(false));
        ListAppender<ILoggingEvent> traces = new ListAppender<>();
        Logger trace = (Logger) LoggerFactory.getLogger("io.lns.trace");
        traces.start();
        trace.addAppender(traces);
        try (Xl2tpdLac lac = new Xl2tpdLac(tmp, LAC, LNS, "interop-secret", true)) {
            lac.dial();
            await(lac, "session established", () -> count("lns_session_setup") == 1);
            await(lac, "xl2tpd's CDN", () -> received("CDN") == 1);
            assertThat(received("ICCN")).isEqualTo(1);
            assertThat(lac.log()).contains("Call established with").doesNotContain("Hidden AVP");
            List<ILoggingEvent> events;
            synchronized (traces) { // AppenderBase.doAppend appends under this lock
                events = List.copyOf(traces.list);
            }
            List<String> lines =
                    events.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(lines).anyMatch(l -> l.contains("AVP_DATA: TX Assigned Session ID[M,H]"));
            assertThat(lines).anyMatch(l -> l.contains("AVP_DATA: TX Assigned Tunnel ID[M]="));
            assertThat(lines).noneMatch(l -> l.contains("TX Assigned Tunnel ID[M,H]"));
        } finally {
            trace.detachAppender(traces);
        }
    }

    /** Waits like {@link #await(String, BooleanSupplier)}, and on failure says what xl2tpd logged. */
    private static void await(Xl2tpdLac lac, String what, BooleanSupplier condition) throws Exception {
        try {
            await(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; xl2tpd logged:\n" + lac.log(), e);
        }
    }

    private static boolean logContains(Xl2tpdLac lac, String text) {
        try {
            return lac.log().contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aWrongSecretIsRefused() throws Exception {
        startLns(plain().withSecret(TunnelSecret.of("the-lns-secret"), AuthMode.NONE, false));
        try (Xl2tpdLac lac = new Xl2tpdLac(tmp, LAC, LNS, "another-secret", false)) {
            lac.dial();
            await("StopCCN sent", () -> sent("StopCCN") >= 1 || received("StopCCN") >= 1);
            assertThat(count("lns_session_setup")).isZero();
        }
    }

    private double received(String type) {
        return meters.get("lns_control_messages_received")
                .tag("type", type)
                .counter()
                .count();
    }

    private double sent(String type) {
        return meters.get("lns_control_messages_sent")
                .tag("type", type)
                .counter()
                .count();
    }

    private long count(String timer) {
        return meters.get(timer).timer().count();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000 * MS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }
}
