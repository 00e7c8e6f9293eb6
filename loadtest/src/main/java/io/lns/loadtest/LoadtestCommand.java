package io.lns.loadtest;

import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.net.Addresses;
import io.lns.loadtest.net.NettyLacTransport;
import io.lns.loadtest.run.LoadOptions;
import io.lns.loadtest.run.LoadReport;
import io.lns.loadtest.run.LoadRunner;
import io.lns.loadtest.run.ReportWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lns loadtest}: a LAC simulator. Brings up N tunnels with M incoming calls each against an
 * LNS and reports setup rates, latency percentiles and failures by reason, as a table and as JSON.
 * Exit status 0 when every tunnel and session came up, 1 otherwise.
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a LAC: bring up N tunnels x M incoming calls against an L2TPv2 LNS and report setup rate,"
                    + " latency and failures.",
            "Exit status: 0 when every tunnel and session came up, 1 otherwise."
        })
public final class LoadtestCommand implements Callable<Integer> {

    @Option(
            names = "--lns",
            required = true,
            paramLabel = "HOST[:PORT]",
            description = "The LNS (port 1701 if not given).")
    String lns;

    @Option(names = "--tunnels", paramLabel = "N", description = "Tunnels to bring up (default: ${DEFAULT-VALUE}).")
    int tunnels = 1;

    @Option(
            names = "--sessions",
            paramLabel = "M",
            description = "Incoming calls per tunnel (default: ${DEFAULT-VALUE}).")
    int sessions = 1;

    @Option(
            names = "--concurrency",
            paramLabel = "C",
            description = "Most tunnel and session setups under way at once (default: ${DEFAULT-VALUE}).")
    int concurrency = 100;

    @Option(
            names = "--rate",
            paramLabel = "R",
            description = "New calls per second, token bucket; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double rate = 0;

    @Option(
            names = "--secret",
            paramLabel = "S",
            description = "Tunnel secret: challenge/response tunnel authentication both ways.")
    String secret;

    @Option(names = "--hide", description = "Hide the AVPs that identify tunnel, call and subscriber (needs --secret).")
    boolean hide;

    @Option(
            names = "--hold",
            paramLabel = "SECS",
            description = "Keep everything up this long after setup (default: ${DEFAULT-VALUE}).")
    double hold = 0;

    @Option(
            names = "--teardown",
            description = "Then send a CDN per session and a StopCCN per tunnel, wait for their acknowledgement and"
                    + " report it. Without it, each tunnel only gets a StopCCN.")
    boolean teardown;

    @Option(
            names = "--json",
            paramLabel = "FILE",
            description = "Also write the report as JSON to FILE ('-' for stdout).")
    Path json;

    @Option(
            names = "--local",
            paramLabel = "ADDR",
            description = "Local IPv4 addresses to bind tunnels to, round robin: a list of addresses and ranges,"
                    + " e.g. 127.0.0.2-127.0.0.20.")
    String local;

    @Option(
            names = "--timeout",
            paramLabel = "SECS",
            description = "Setup timeout of a tunnel (SCCRQ to SCCCN acknowledged) and of a session (ICRQ to ICCN"
                    + " acknowledged); also bounds the teardown (default: ${DEFAULT-VALUE}).")
    double timeout = 10;

    @Option(
            names = "--hello",
            paramLabel = "SECS",
            description = "Send a HELLO after this long without a message from the LNS (default: ${DEFAULT-VALUE}).")
    double hello = 60;

    @Option(names = "--hostname", paramLabel = "NAME", description = "Host Name AVP (default: ${DEFAULT-VALUE}).")
    String hostName = "lns-loadtest";

    @Option(
            names = "--first-tunnel-id",
            paramLabel = "ID",
            description = "Our Assigned Tunnel ID of the first tunnel (default: ${DEFAULT-VALUE}).")
    int firstTunnelId = 1;

    @Option(names = "--threads", paramLabel = "N", description = "Event loop threads (default: the number of CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadOptions options;
        InetSocketAddress lnsAddress;
        List<InetAddress> locals;
        try {
            lnsAddress = Addresses.lns(lns);
            locals = local == null ? List.of() : Addresses.locals(local);
            if (hide && secret == null) throw new IllegalArgumentException("--hide needs --secret");
            if (timeout <= 0 || hello <= 0 || hold < 0) throw new IllegalArgumentException("times must be positive");
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1");
            LacConfig lac = LacConfig.defaults()
                    .withHostName(hostName)
                    .withSecret(secret == null ? null : TunnelSecret.of(secret), hide)
                    .withTimeouts(seconds(timeout), seconds(timeout))
                    .withHelloInterval(seconds(hello));
            options = new LoadOptions(
                    lnsAddress.getAddress().getHostAddress() + ":" + lnsAddress.getPort(),
                    tunnels,
                    sessions,
                    concurrency,
                    rate,
                    seconds(hold),
                    teardown,
                    firstTunnelId,
                    lac);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        LoadReport report;
        try (NettyLacTransport transport =
                new NettyLacTransport(lnsAddress, locals, options.lac(), Math.min(threads, tunnels))) {
            report = new LoadRunner(options, transport, System::nanoTime, quiet ? null : err).run();
        }
        ReportWriter.table(report, out);
        if (json != null) {
            if (json.toString().equals("-")) {
                out.println(ReportWriter.json(report));
                out.flush();
            } else {
                ReportWriter.writeJson(report, json);
            }
        }
        boolean allUp = report.tunnels().up() == tunnels && report.sessions().up() == options.totalCalls();
        return allUp ? 0 : 1;
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
