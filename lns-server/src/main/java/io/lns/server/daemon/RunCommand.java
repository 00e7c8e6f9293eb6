package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.ConfigException;
import io.lns.config.ConfigLoader;
import io.lns.config.SystemConfig;
import io.lns.config.TraceMask;
import io.lns.server.subscriber.SubscriberServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lns run}: the LNS daemon in the foreground. Flags follow openl2tpd/prol2tpd; command-line
 * values override the configuration file's.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Run the LNS in the foreground (logs to stdout; SIGTERM/SIGINT stop it, SIGUSR1 dumps status).")
public final class RunCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(RunCommand.class);

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "Configuration file (default: embedded).")
    Path configFile;

    @Option(
            names = {"-n", "--check"},
            description = "Validate the configuration and exit (as 'lns check').")
    boolean checkOnly;

    @Option(
            names = {"-u", "--udp-port"},
            paramLabel = "N",
            description = "UDP port to listen on.")
    Integer udpPort;

    @Option(names = "--listen", paramLabel = "ADDR[:PORT]", description = "Address to listen on; repeatable.")
    List<String> listen = new ArrayList<>();

    @Option(
            names = "--dataplane",
            paramLabel = "MODE",
            description = "auto|kernel|tun|none (default: system.dataplane); auto picks kernel when the kernel has L2TP"
                    + " and PPP, else tun when /dev/net/tun works.")
    String dataplane;

    @Option(names = "--tun-device", paramLabel = "NAME", description = "TUN device name (default: system.tun-device).")
    String tunName;

    @Option(names = "--metrics", paramLabel = "ADDR:PORT", description = "Prometheus endpoint, or 'off'.")
    String metrics;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Host Name sent in SCCRP.")
    String hostName;

    @Option(
            names = {"-d", "--debug"},
            paramLabel = "MASK",
            description = "Trace categories for every new tunnel: names (PROTOCOL,FSM,AVP,AVP_DATA,AVP_HIDE,...,ALL)"
                    + " or a number, as openl2tpd's trace_flags.")
    String debug;

    @Option(names = "-D", description = "Trace every category of every tunnel and session (as -d ALL).")
    boolean debugAll;

    @Option(names = "--log-file", paramLabel = "FILE", description = "Also append the log to FILE.")
    Path logFile;

    @Option(names = "--threads", paramLabel = "N", description = "Event loop threads (default: cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--grace", paramLabel = "MS", description = "How long shutdown waits for StopCCN acks.")
    long graceMillis = 3000;

    @Override
    public Integer call() throws Exception {
        if (checkOnly) return CheckCommand.check(configFile);
        if (logFile != null) LogFile.attach(logFile);
        Config config;
        try {
            config = configFile == null ? ConfigLoader.loadDefault() : ConfigLoader.load(configFile);
        } catch (ConfigException e) {
            e.errors().forEach(err -> System.err.println(err));
            return 1;
        }
        int extraTrace;
        try {
            // system.trace and -d both add to every tunnel's profile mask; -D traces everything.
            extraTrace = debugAll
                    ? TraceMask.ALL.bits()
                    : config.system().trace().bits()
                            | (debug == null ? 0 : TraceMask.parse(debug).bits());
        } catch (IllegalArgumentException e) {
            System.err.println("lns run: -d: " + e.getMessage());
            return 2;
        }
        SystemConfig system = config.system();
        Config effective = hostName == null ? config : withHostName(config, hostName);
        int port = udpPort != null ? udpPort : system.listenPort();
        List<InetSocketAddress> addresses = new ArrayList<>();
        if (listen.isEmpty()) {
            for (InetAddress a : system.listenAddresses()) addresses.add(new InetSocketAddress(a, port));
        } else {
            for (String l : listen) addresses.add(parseAddress(l, port));
        }
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SubscriberServices subscribers;
        try {
            subscribers = DataPlanes.create(
                    dataplane != null ? dataplane : system.dataPlane().name().toLowerCase(),
                    tunName != null ? tunName : system.tunDevice(),
                    config,
                    registry);
        } catch (IllegalArgumentException e) {
            System.err.println("lns run: --dataplane " + dataplane + ": " + e.getMessage());
            return 2;
        }
        LnsServer server;
        try {
            server = LnsServer.create(effective, addresses, extraTrace, threads, subscribers, registry);
        } catch (ConfigException e) {
            e.errors().forEach(err -> System.err.println(err));
            return 1;
        } catch (IllegalArgumentException e) {
            System.err.println("lns run: address-pools: " + e.getMessage());
            return 1;
        }
        String metricsAt = metrics != null ? metrics : address(system.metricsAddress());
        HTTPServer http = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            try {
                http = startMetrics(registry, metricsAt);
            } catch (java.io.IOException e) {
                System.err.println("lns run: cannot serve metrics on " + metricsAt + ": " + e.getMessage());
                return 1;
            }
            try {
                server.start();
            } catch (Exception e) {
                System.err.println("lns run: cannot start data path "
                        + subscribers.dataPlane().name() + " or listen on " + addresses + ": " + e.getMessage());
                return 1;
            }
            log.info(
                    "lns running as '{}' with {}, data path {}",
                    effective.system().hostName(),
                    configFile == null ? ConfigLoader.DEFAULT_SOURCE : configFile,
                    subscribers.dataPlane().name());
            Signals.on("USR1", () -> server.status().forEach(line -> log.info("status: {}", line)));
            // Handling TERM and INT ourselves (instead of a shutdown hook) lets a clean stop exit 0.
            Signals.on("TERM", stopped::countDown);
            Signals.on("INT", stopped::countDown);
            stopped.await();
            log.info("stopping: StopCCN to {} tunnels", server.transport().tunnelCount());
            server.shutdown(graceMillis);
            log.info("stopped");
            return 0;
        } finally {
            server.close();
            if (http != null) http.close();
        }
    }

    private static HTTPServer startMetrics(PrometheusMeterRegistry registry, String where) throws java.io.IOException {
        if (where.equals("off")) return null;
        InetSocketAddress m = parseAddress(where, 9101);
        HTTPServer http = HTTPServer.builder()
                .hostname(m.getHostString())
                .port(m.getPort())
                .registry(registry.getPrometheusRegistry())
                .buildAndStart();
        log.info("metrics on http://{}:{}/metrics", m.getHostString(), http.getPort());
        return http;
    }

    private static Config withHostName(Config c, String name) {
        SystemConfig s = c.system();
        SystemConfig renamed = new SystemConfig(
                s.listenAddresses(),
                s.listenPort(),
                name,
                s.maxTunnels(),
                s.maxSessions(),
                s.maxSessionsInSetup(),
                s.newTunnelRate(),
                s.newCallRate(),
                s.denyRemoteTunnelCreates(),
                s.metricsAddress(),
                s.trace(),
                s.usersFile(),
                s.dataPlane(),
                s.tunDevice(),
                s.pppInterface());
        return new Config(
                renamed, c.peerProfiles(), c.tunnelProfiles(), c.sessionProfiles(), c.pppProfiles(), c.addressPools());
    }

    private static String address(InetSocketAddress a) {
        String host = a.getHostString();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    static InetSocketAddress parseAddress(String text, int defaultPort) {
        String host = text;
        int port = defaultPort;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            host = text.substring(1, close);
            if (close + 1 < text.length() && text.charAt(close + 1) == ':') {
                port = Integer.parseInt(text.substring(close + 2));
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = Integer.parseInt(text.substring(text.indexOf(':') + 1));
        }
        return new InetSocketAddress(host, port);
    }
}
