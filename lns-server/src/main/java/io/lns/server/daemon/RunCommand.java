package io.lns.server.daemon;

import io.lns.l2tp.control.Trace;
import io.lns.l2tp.control.TunnelSettings;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.transport.L2tpTransport;
import io.lns.server.transport.ServerSettings;
import io.lns.server.transport.SourcePortPolicy;
import io.lns.server.tunnel.Admission;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lns run}: the LNS daemon in the foreground. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the LNS in the foreground (logs to stdout; SIGTERM/SIGINT stop it, SIGUSR1 dumps status).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(
            names = {"-u", "--udp-port"},
            paramLabel = "N",
            description = "UDP port to listen on (default 1701).")
    Integer udpPort;

    @Option(
            names = "--listen",
            paramLabel = "ADDR[:PORT]",
            description = "Address to listen on; repeatable (default 0.0.0.0).")
    List<String> listen = new ArrayList<>();

    @Option(names = "--dataplane", paramLabel = "MODE", description = "none|tun|kernel|auto (only none so far).")
    String dataplane = "none";

    @Option(
            names = "--metrics",
            paramLabel = "ADDR:PORT",
            description = "Prometheus endpoint (default 127.0.0.1:9101); 'off' disables it.")
    String metrics = "127.0.0.1:9101";

    @Option(names = "--threads", paramLabel = "N", description = "Event loop threads (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--hostname", paramLabel = "NAME", description = "Host Name sent in SCCRP (default: this host).")
    String hostName;

    @Option(
            names = {"-d", "--debug"},
            paramLabel = "MASK",
            description = "Trace categories for every new tunnel: names (PROTOCOL,FSM,AVP,AVP_DATA,AVP_HIDE,...,ALL)"
                    + " or a number, as openl2tpd's trace_flags.")
    String debug;

    @Option(names = "-D", description = "Trace every category of every tunnel and session (as -d ALL).")
    boolean debugAll;

    @Option(
            names = "--grace",
            paramLabel = "MS",
            description = "How long shutdown waits for StopCCN acks (default 3000).")
    long graceMillis = 3000;

    @Override
    public Integer call() throws Exception {
        if (!dataplane.equals("none") && !dataplane.equals("auto")) {
            System.err.println("lns run: --dataplane " + dataplane + " is not available yet; use none");
            return 2;
        }
        int port = udpPort == null ? ServerSettings.L2TP_PORT : udpPort;
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (listen.isEmpty()) listen.add("0.0.0.0");
        for (String l : listen) addresses.add(parseAddress(l, port));
        String name = hostName != null ? hostName : localHostName();
        int traceMask;
        try {
            traceMask = debugAll ? Trace.ALL : debug == null ? 0 : Trace.parse(debug);
        } catch (IllegalArgumentException e) {
            System.err.println("lns run: -d: " + e.getMessage());
            return 2;
        }
        TunnelSettings tunnelSettings = TunnelSettings.defaults(name).withTraceMask(traceMask);
        ServerSettings settings = new ServerSettings(
                addresses,
                (peer, peerHost) -> tunnelSettings,
                Admission.Limits.NONE,
                SourcePortPolicy.AUTO,
                threads,
                4 * 1024 * 1024);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Admission admission = new Admission(settings.limits(), System.nanoTime());
        LnsMetrics lnsMetrics = new LnsMetrics(registry, admission);
        HTTPServer http = null;
        if (!metrics.equals("off")) {
            InetSocketAddress m = parseAddress(metrics, 9101);
            http = HTTPServer.builder()
                    .hostname(m.getHostString())
                    .port(m.getPort())
                    .registry(registry.getPrometheusRegistry())
                    .buildAndStart();
            log.info("metrics on http://{}:{}/metrics", m.getHostString(), http.getPort());
        }
        L2tpTransport transport = new L2tpTransport(settings, admission, lnsMetrics);
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            transport.start();
            log.info("lns running as '{}', data path none", name);
            Signals.on("USR1", () -> {
                log.info(
                        "status: {} tunnels, {} sessions ({} in setup), refused {} tunnels / {} sessions",
                        admission.tunnels(),
                        admission.sessions(),
                        admission.sessionsInSetup(),
                        admission.refusedTunnels(),
                        admission.refusedSessions());
                transport.status().forEach(line -> log.info("status: {}", line));
            });
            // Handling TERM and INT ourselves (instead of a shutdown hook) lets a clean stop exit 0.
            Signals.on("TERM", stopped::countDown);
            Signals.on("INT", stopped::countDown);
            stopped.await();
            log.info("stopping: StopCCN to {} tunnels", transport.tunnelCount());
            transport.shutdown(graceMillis);
            log.info("stopped");
            return 0;
        } finally {
            transport.close();
            if (http != null) http.close();
        }
    }

    static InetSocketAddress parseAddress(String text, int defaultPort) {
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            if (close + 1 < text.length() && text.charAt(close + 1) == ':')
                port = Integer.parseInt(text.substring(close + 2));
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "lns";
        }
    }
}
