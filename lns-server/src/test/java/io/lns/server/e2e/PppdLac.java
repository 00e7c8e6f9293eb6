package io.lns.server.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * xl2tpd as the LAC with a real pppd behind every call, in a network namespace of the test's own
 * (and its own PID namespace: on tunnel close xl2tpd signals pppd pids it stored long ago). One
 * {@code [lac NAME]} section per subscriber, each with its own pppd options: user, password,
 * which authentication protocols pppd accepts, and an interface name {@code pppc-NAME} to find it
 * by. Needs a kernel with PPP and L2TP (xl2tpd then uses kernel mode and pppd's pppol2tp plugin).
 */
final class PppdLac implements AutoCloseable {
    /** A subscriber: its xl2tpd section name, credentials, and the one protocol pppd will use. */
    record Dialer(String name, String user, String password, String auth) {}

    private static final Map<String, String> REFUSE = Map.of(
            "pap", "refuse-chap\nrefuse-mschap\nrefuse-mschap-v2\nrefuse-eap\n",
            "chap", "refuse-pap\nrefuse-mschap\nrefuse-mschap-v2\nrefuse-eap\n",
            "mschapv2", "refuse-pap\nrefuse-chap\nrefuse-mschap\nrefuse-eap\n");

    private final String namespace;
    private final Path dir;
    private final Path control;
    private final Process process;

    PppdLac(String namespace, Path dir, String listen, String lns, List<Dialer> dialers) throws Exception {
        this.namespace = namespace;
        this.dir = Files.createDirectories(dir);
        this.control = dir.resolve("control");
        StringBuilder conf = new StringBuilder("[global]\nlisten-addr = ")
                .append(listen)
                .append("\nport = 1701\naccess control = no\n");
        for (Dialer d : dialers) {
            Path options = dir.resolve("options." + d.name());
            Files.writeString(options, """
                    noauth
                    user %s
                    password %s
                    %sifname %s
                    noipdefault
                    ipcp-accept-local
                    ipcp-accept-remote
                    nodefaultroute
                    lcp-echo-interval 0
                    mtu 1400
                    mru 1400
                    debug
                    logfile %s
                    """.formatted(
                            d.user(),
                            d.password(),
                            REFUSE.get(d.auth()),
                            pppInterface(d.name()),
                            dir.resolve("pppd." + d.name() + ".log")));
            conf.append("\n[lac ")
                    .append(d.name())
                    .append("]\nlns = ")
                    .append(lns)
                    .append("\nredial = no\nautodial = no\nlength bit = yes\npppoptfile = ")
                    .append(options)
                    .append('\n');
        }
        Files.writeString(dir.resolve("xl2tpd.conf"), conf.toString());
        output("mkfifo", control.toString());
        process = new ProcessBuilder(List.of(
                        "ip",
                        "netns",
                        "exec",
                        namespace,
                        "unshare",
                        "--pid",
                        "--fork",
                        "--mount-proc",
                        "--kill-child",
                        "/usr/sbin/xl2tpd",
                        "-D",
                        "-c",
                        dir.resolve("xl2tpd.conf").toString(),
                        "-p",
                        dir.resolve("xl2tpd.pid").toString(),
                        "-C",
                        control.toString()))
                .redirectErrorStream(true)
                .redirectInput(NOTHING)
                .redirectOutput(dir.resolve("xl2tpd.log").toFile())
                .start();
        for (int i = 0; i < 100 && !log().contains("Listening on"); i++) Thread.sleep(100);
    }

    static String pppInterface(String name) {
        return "pppc-" + name;
    }

    /**
     * Opens the tunnel and places the call, and waits (bounded) until xl2tpd starts pppd for it:
     * xl2tpd reads its control pipe in one gulp, so two commands written at once become one.
     */
    void dial(String name) throws Exception {
        int before = count("start_pppd");
        command("c " + name);
        for (int i = 0; i < 300 && count("start_pppd") == before; i++) Thread.sleep(100);
    }

    private int count(String text) throws IOException {
        return log().split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    /** Clears the tunnel (StopCCN) of {@code name}. */
    void disconnect(String name) throws Exception {
        command("d " + name);
    }

    /** The subscriber hangs up: pppd is told to stop, so it sends LCP Terminate and xl2tpd a CDN. */
    void hangUpPppd(String name) throws Exception {
        output("pkill", "-TERM", "-f", "options." + name);
    }

    /** The IPv4 address pppd's interface got, and its peer; null while the interface has none. */
    String[] addressAndPeer(String name) throws Exception {
        String out = output("ip", "-n", namespace, "-4", "addr", "show", "dev", pppInterface(name));
        Matcher m = Pattern.compile("inet ([0-9.]+) peer ([0-9.]+)/32").matcher(out);
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    String log() throws IOException {
        Path log = dir.resolve("xl2tpd.log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    String pppdLog(String name) throws IOException {
        Path log = dir.resolve("pppd." + name + ".log");
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no pppd log)";
    }

    private void command(String line) throws IOException {
        Files.writeString(control, line + "\n"); // blocks until xl2tpd reads; it always has it open
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        output("pkill", "-KILL", "-f", dir.toString());
    }

    /** A command's output (stdout and stderr); the exit status is in {@link Result}. */
    record Result(int status, String output) {}

    static String output(String... cmd) throws Exception {
        return run(List.of(cmd)).output();
    }

    /**
     * Runs a command to its end, bounded. No pipe of it stays open in this JVM afterwards (the
     * kernel test counts lns's fds).
     */
    static Result run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectInput(NOTHING)
                .start();
        try (var out = p.getInputStream()) {
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, text);
            }
            return new Result(p.exitValue(), text);
        } finally {
            p.getOutputStream().close();
            p.getErrorStream().close();
        }
    }

    private static final ProcessBuilder.Redirect NOTHING = ProcessBuilder.Redirect.from(new java.io.File("/dev/null"));
}
