package io.lns.loadtest;

import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.net.Addresses;
import io.lns.loadtest.net.NettyLacTransport;
import io.lns.loadtest.run.LoadOptions;
import io.lns.loadtest.run.LoadReport;
import io.lns.loadtest.run.LoadRunner;
import io.lns.loadtest.run.ReportWriter;
import io.lns.loadtest.subscriber.AuthChoice;
import io.lns.loadtest.subscriber.SubscriberConfig;
import java.io.PrintWriter;
import java.net.Inet4Address;
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
 * {@code lns loadtest}: a LAC and subscriber simulator. Brings up N tunnels with M incoming calls
 * each against an LNS, runs a PPP client and a tiny IP stack behind every call (unless {@code
 * --no-ppp}), and reports setup rates, latency percentiles, PPP phase times, data results and
 * failures by reason, as a table and as JSON. Exit status 0 when every tunnel and session came up,
 * 1 otherwise.
 */
@Command(
        name = "loadtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Simulate a LAC and its subscribers: bring up N tunnels x M incoming calls against an L2TPv2 LNS, run"
                    + " PPP (LCP, PAP/CHAP/MS-CHAPv2, IPCP, IPv6CP) over each call, optionally send pings or UDP,"
                    + " and report setup rate, latency, PPP phase times, data results and failures.",
            "A session is up when its IPCP opens (with --no-ppp: when its ICCN is acknowledged).",
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

    @Option(
            names = "--sequencing",
            description = "Send Sequencing Required in every ICCN: data messages carry Ns (RFC 2661 §5.4).")
    boolean sequencing;

    @Option(
            names = "--no-ppp",
            description = "L2TP only: no subscriber behind the calls; a session is up when its ICCN is acknowledged"
                    + " (the control-plane benchmark).")
    boolean noPpp;

    @Option(
            names = "--auth",
            paramLabel = "any|pap|chap|mschapv2|mix",
            description = "Authentication the subscribers accept: any = whatever the LNS asks; one protocol = Nak"
                    + " the others towards it; mix = pap, chap, mschapv2 round robin by session index (default:"
                    + " ${DEFAULT-VALUE}).")
    String auth = "any";

    @Option(
            names = "--user",
            paramLabel = "PATTERN",
            description = "PPP user name; %%d becomes the session's global index from 1 (default: user%%d).")
    String user = "user%d";

    @Option(
            names = "--password",
            paramLabel = "PW",
            description = "PPP password, the same for every subscriber (default: ${DEFAULT-VALUE}).")
    String password = "password";

    @Option(
            names = "--proxy-lcp",
            description = "Act as a BRAS that already negotiated LCP and authentication with each subscriber: the"
                    + " ICCN carries proxy LCP and Proxy Authen AVPs (RFC 2661 §4.4.5; PAP or CHAP as --auth says,"
                    + " CHAP for any; MS-CHAPv2 proxies LCP only) and the subscriber's PPP starts from them.")
    boolean proxyLcp;

    @Option(names = "--no-ipv6", description = "Do not run IPv6CP.")
    boolean noIpv6;

    @Option(
            names = "--ppp-timeout",
            paramLabel = "SECS",
            description =
                    "From the start of PPP until IPCP opens; the call then fails with a CDN (default: --timeout).")
    Double pppTimeout;

    @Option(
            names = "--ping",
            paramLabel = "TARGET",
            description = "Once up, each subscriber sends ICMP Echo requests to TARGET (an IPv4 address, or"
                    + " 'gateway': the LNS's own IPCP address) and matches the replies.")
    String ping;

    @Option(
            names = "--ping-rate",
            paramLabel = "PPS",
            description = "Echo requests per second per subscriber (default: ${DEFAULT-VALUE}).")
    double pingRate = 1;

    @Option(
            names = "--ping-count",
            paramLabel = "N",
            description = "Echo requests per subscriber (default: ${DEFAULT-VALUE}).")
    int pingCount = 5;

    @Option(
            names = "--udp",
            paramLabel = "TARGET:PORT",
            description = "Once up, each subscriber sends UDP datagrams to TARGET:PORT (TARGET may be 'gateway');"
                    + " echoes (e.g. from an echo service) are matched for loss and latency.")
    String udp;

    @Option(
            names = "--udp-size",
            paramLabel = "BYTES",
            description = "UDP payload size, 8..1400 (default: ${DEFAULT-VALUE}).")
    int udpSize = 64;

    @Option(
            names = "--udp-rate",
            paramLabel = "PPS",
            description = "UDP datagrams per second per subscriber (default: ${DEFAULT-VALUE}).")
    double udpRate = 1;

    @Option(
            names = "--udp-count",
            paramLabel = "N",
            description = "UDP datagrams per subscriber (default: ${DEFAULT-VALUE}).")
    int udpCount = 5;

    @Option(
            names = "--reply-timeout",
            paramLabel = "SECS",
            description =
                    "An Echo request or UDP datagram not answered within this is lost (default: ${DEFAULT-VALUE}).")
    double replyTimeout = 1;

    @Option(
            names = "--spoof",
            paramLabel = "N",
            description = "Each subscriber also sends N Echo requests with a source address from 198.18.0.0/15 (not"
                    + " its own), to the ping or UDP target or the gateway, for the LNS's anti-spoofing check.")
    int spoof;

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
                    .withHelloInterval(seconds(hello))
                    .withSequencing(sequencing);
            SubscriberConfig subscriber = subscriber();
            options = new LoadOptions(
                    lnsAddress.getAddress().getHostAddress() + ":" + lnsAddress.getPort(),
                    tunnels,
                    sessions,
                    concurrency,
                    rate,
                    seconds(hold),
                    teardown,
                    firstTunnelId,
                    lac,
                    !noPpp,
                    subscriber);
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

    private SubscriberConfig subscriber() {
        if (replyTimeout <= 0 || (pppTimeout != null && pppTimeout <= 0)) {
            throw new IllegalArgumentException("times must be positive");
        }
        SubscriberConfig.Builder b = SubscriberConfig.defaults().toBuilder()
                .auth(AuthChoice.parse(auth))
                .credentials(user, password)
                .ipv6(!noIpv6)
                .proxyLcp(proxyLcp)
                .pppTimeout(seconds(pppTimeout != null ? pppTimeout : timeout))
                .replyTimeout(seconds(replyTimeout))
                .spoof(spoof);
        if (ping != null) b.ping(target("--ping", ping), pingRate, pingCount);
        if (udp != null) {
            int colon = udp.lastIndexOf(':');
            if (colon < 1) throw new IllegalArgumentException("--udp: TARGET:PORT, not " + udp);
            int port;
            try {
                port = Integer.parseInt(udp.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--udp: bad port in " + udp);
            }
            b.udp(target("--udp", udp.substring(0, colon)), port, udpSize, udpRate, udpCount);
        }
        return b.build();
    }

    /** An IPv4 literal or "gateway" (no name lookups: a load test should not wait on DNS). */
    private static Inet4Address target(String option, String s) {
        if (s.equalsIgnoreCase("gateway")) return SubscriberConfig.GATEWAY;
        if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException(option + ": an IPv4 address or 'gateway', not " + s);
        }
        try {
            return (Inet4Address) InetAddress.getByName(s);
        } catch (java.net.UnknownHostException | ClassCastException e) {
            throw new IllegalArgumentException(option + ": not an IPv4 address: " + s);
        }
    }

    private static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }
}
