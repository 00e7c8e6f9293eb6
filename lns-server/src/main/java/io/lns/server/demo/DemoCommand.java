package io.lns.server.demo;

import io.lns.config.Config;
import io.lns.config.ConfigException;
import io.lns.config.ConfigLoader;
import io.lns.linux.Capabilities;
import io.lns.linux.NetNamespace;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.net.NettyLacTransport;
import io.lns.loadtest.run.LoadOptions;
import io.lns.loadtest.run.LoadReport;
import io.lns.loadtest.run.LoadRunner;
import io.lns.loadtest.subscriber.AuthChoice;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.server.daemon.DataPlanes;
import io.lns.server.daemon.LnsServer;
import io.lns.server.dataplane.DataMetrics;
import io.lns.server.subscriber.PppMetrics;
import io.lns.server.subscriber.SubscriberServices;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lns demo}: the LNS with the embedded pools and a simulated LAC whose subscribers dial in
 * over loopback, authenticate (PAP, CHAP, MS-CHAPv2 in turn), get addresses and ping the
 * gateway; a live table, then teardown and a summary. As root the TUN data path runs in a
 * network namespace of its own; otherwise data path none.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run lns with a simulated LAC and subscribers on loopback for a few seconds; exits 0 when all"
                + " came up and went down cleanly.")
public final class DemoCommand implements Callable<Integer> {
    static final String PASSWORD = "demo-password";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--subscribers", paramLabel = "N", description = "Subscribers to dial in (default 100).")
    int subscribers = 100;

    @Option(names = "--tunnels", paramLabel = "N", description = "LAC tunnels carrying them (default 4).")
    int tunnels = 4;

    @Option(names = "--seconds", paramLabel = "S", description = "How long they stay up (default 20).")
    int seconds = 20;

    @Option(
            names = "--dataplane",
            paramLabel = "MODE",
            description = "auto (tun in a network namespace when root, else none), tun or none.")
    String dataplane = "auto";

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (System.getenv("LNS_LOG_LEVEL") == null) quietLogs(); // the table is the demo's output
        if (subscribers < 1 || tunnels < 1 || subscribers % tunnels != 0 || seconds < 1 || seconds > 3600) {
            System.err.println("lns demo: --subscribers must be a multiple of --tunnels; --seconds 1..3600");
            return 2;
        }
        Path dir = Files.createTempDirectory("lns-demo-");
        NetNamespace namespace = null;
        try {
            Path users = dir.resolve("users.yaml");
            Files.writeString(users, usersFile(subscribers));
            Config config = ConfigLoader.parse("demo.yaml", demoConfig(users));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            DataMetrics data = new DataMetrics(registry);
            String why = dataplane.equals("none") ? "--dataplane none" : NetNamespace.unavailableReason();
            if (why == null) {
                // probe inside the namespace: the probe's throwaway device must not touch the host
                namespace = NetNamespace.create(
                        "lns-demo-" + ProcessHandle.current().pid());
                Capabilities.Check check =
                        namespace.call(() -> Capabilities.probe().tun());
                if (!check.available()) {
                    why = check.reason();
                    namespace.close();
                    namespace = null;
                }
            }
            boolean tun = why == null;
            if (dataplane.equals("tun") && !tun) {
                System.err.println("lns demo: --dataplane tun: " + why);
                return 2;
            }
            SubscriberServices services;
            if (tun) {
                services = new SubscriberServices(
                        new NamespacedDataPlane(namespace, DataPlanes.tun("lns0", config, data)),
                        new PppMetrics(registry),
                        data);
            } else {
                if (dataplane.equals("auto")) out.println("data path none: " + why);
                services = new SubscriberServices(
                        new io.lns.server.dataplane.NoneDataPlane(data), new PppMetrics(registry), data);
            }
            return run(out, config, services, registry, tun);
        } catch (ConfigException e) {
            e.errors().forEach(System.err::println);
            return 1;
        } finally {
            if (namespace != null) namespace.close();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int run(
            PrintWriter out, Config config, SubscriberServices services, SimpleMeterRegistry registry, boolean tun)
            throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (LnsServer server =
                LnsServer.create(config, List.of(new InetSocketAddress(loopback, 0)), 0, 2, services, registry)) {
            InetSocketAddress lns = server.start().get(0);
            out.printf(
                    "lns demo: LNS on %s:%d, data path %s; %d subscribers in %d tunnels for %d s%n",
                    lns.getHostString(), lns.getPort(), services.dataPlane().name(), subscribers, tunnels, seconds);
            LoadOptions options = options(lns);
            CompletableFuture<LoadReport> report = new CompletableFuture<>();
            Thread lac = Thread.ofPlatform().name("demo-lac").start(() -> {
                try (NettyLacTransport net = new NettyLacTransport(lns, List.of(loopback), options.lac(), 1)) {
                    report.complete(
                            new LoadRunner(options, net, System::nanoTime, new PrintWriter(new StringWriter())).run());
                } catch (Throwable t) {
                    report.completeExceptionally(t);
                }
            });
            DemoStatus status = new DemoStatus(server, out, System.nanoTime());
            status.header();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds + 60L);
            while (!report.isDone() && System.nanoTime() < deadline) {
                try {
                    report.get(2, TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    status.line(System.nanoTime());
                }
            }
            status.line(System.nanoTime());
            if (!report.isDone()) {
                lac.interrupt();
                System.err.println("lns demo: the simulated LAC did not finish in time");
                return 1;
            }
            LoadReport r = report.get();
            server.shutdown(2000);
            return DemoSummary.print(out, r, server, subscribers, tun);
        }
    }

    private LoadOptions options(InetSocketAddress lns) {
        int perTunnel = subscribers / tunnels;
        SubscriberConfig subscriber = SubscriberConfig.defaults().toBuilder()
                .auth(AuthChoice.MIX)
                .credentials("user%d", PASSWORD)
                .ping(SubscriberConfig.GATEWAY, 1, seconds)
                .build();
        return new LoadOptions(
                        lns.getHostString() + ":" + lns.getPort(),
                        tunnels,
                        perTunnel,
                        64,
                        0,
                        Duration.ofSeconds(seconds),
                        true,
                        1,
                        LacConfig.defaults().withHostName("demo-lac"))
                .withSubscriber(subscriber);
    }

    private static void quietLogs() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }

    static String usersFile(int n) {
        StringBuilder b = new StringBuilder("users:\n");
        for (int i = 1; i <= n; i++)
            b.append("  user")
                    .append(i)
                    .append(": {password: ")
                    .append(PASSWORD)
                    .append("}\n");
        return b.toString();
    }

    static String demoConfig(Path users) {
        return """
                system:
                  listen-addresses: [127.0.0.1]
                  host-name: lns-demo
                  users-file: %s
                  new-tunnel-rate: {per-second: 1000, burst: 1000}
                  new-call-rate: {per-second: 100000, burst: 10000}
                ppp-profiles:
                  default:
                    auth-protocols: [mschapv2, chap, pap]
                    lcp-echo-interval: 2s
                    pool: default
                    dns: [192.0.2.53]
                address-pools:
                  default:
                    ranges: [100.64.0.0/16]
                    gateway: 100.64.0.1
                """.formatted(users.toString());
    }
}
