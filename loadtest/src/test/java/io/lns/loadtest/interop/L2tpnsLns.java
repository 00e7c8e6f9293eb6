package io.lns.loadtest.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * l2tpns 2.4.1 (Debian package l2tpns) running as an LNS for a test, in a network namespace of
 * its own: it sends cluster multicast and creates a TUN device, which must not reach the host. It
 * listens on 127.0.0.1:1701 of that namespace; whatever talks to it runs there too ({@link
 * #startInNamespace}). No RADIUS: L2TP up to the ICCN needs none.
 *
 * <p>l2tpns handles no tunnel before it has elected itself cluster master (it forwards packets to
 * the master until then), which takes the heartbeat timeout: 2 s here instead of the default 15.
 * It signals its own process group on exit, so it runs in a session of its own (setsid), and it is
 * stopped by signalling that group.
 */
final class L2tpnsLns implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/l2tpns");
    static final int PORT = 1701;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String MASTER = "I am declaring myself the master!";
    /** A log line: date, time, l2tpns tunnel/session ids, message. */
    private static final Pattern LINE = Pattern.compile("^\\S+ \\S+ (\\d+)/(\\d+) +(.*)$");

    private static final Pattern HIDDEN = Pattern.compile("^AVP \\d+ \\(([^)]+)\\) len \\d+, hidden");

    private final String netns;
    private final Path dir;
    private final Path log;
    private Process process;
    private long processGroup = -1;
    private boolean stopped;

    private L2tpnsLns(String netns, Path dir) {
        this.netns = netns;
        this.dir = dir;
        this.log = dir.resolve("l2tpns.log");
    }

    /**
     * Skips the calling test when l2tpns is not installed or no network namespace can be created
     * (not root); fails it when l2tpns does not become ready within 10 s.
     */
    static L2tpnsLns start(Path dir, String secret) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(BINARY),
                "l2tpns is not installed (" + BINARY + "); install the Debian package l2tpns to run this test");
        String netns = "lt-l2tpns-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        String added;
        try {
            added = run(List.of("ip", "netns", "add", netns));
        } catch (IOException e) {
            added = e.getMessage(); // no ip command
        }
        assumeTrue(added == null, "cannot create a network namespace (needs root and iproute2): " + added);
        L2tpnsLns lns = new L2tpnsLns(netns, dir);
        try {
            String lo = run(List.of("ip", "-n", netns, "link", "set", "lo", "up"));
            if (lo != null) throw new IllegalStateException("cannot bring up lo in " + netns + ": " + lo);
            lns.launch(secret);
            return lns;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            lns.close();
            throw e;
        }
    }

    private void launch(String secret) throws IOException, InterruptedException {
        Path config = dir.resolve("startup-config");
        Path pidFile = dir.resolve("l2tpns.pid");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        // 4: every AVP received, hidden ones with their revealed value.
                        "set debug 4",
                        "set log_file \"" + log + "\"",
                        "set pid_file \"" + pidFile + "\"",
                        "set l2tp_secret \"" + secret + "\"",
                        "set bind_address 127.0.0.1",
                        "set iftun_address 192.0.2.1",
                        "set cli_bind_address 127.0.0.1",
                        "set cluster_interface \"lo\"",
                        "set cluster_hb_interval 2",
                        "set cluster_hb_timeout 20",
                        "set send_garp no",
                        ""));
        process =
                startInNamespace(List.of("setsid", "--wait", BINARY.toString(), "-c", config.toString()), "l2tpns.out");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (processGroup < 0 && Files.exists(pidFile)) {
                String pid = Files.readString(pidFile).strip();
                if (!pid.isEmpty()) processGroup = Long.parseLong(pid);
            }
            if (processGroup > 0 && log().contains(MASTER) && listening()) return;
            if (!process.isAlive()) {
                throw new IllegalStateException("l2tpns exited at once: " + output() + "\n" + log());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("l2tpns did not become ready within 10 s:\n" + output() + "\n" + log());
    }

    /** l2tpns's UDP socket on port 1701, as the namespace's /proc/net/udp shows it. */
    private boolean listening() throws IOException {
        Path udp = Path.of("/proc", Long.toString(process.pid()), "net", "udp");
        try {
            return Files.readAllLines(udp).stream()
                    .skip(1)
                    .map(l -> l.strip().split("\\s+"))
                    .anyMatch(f -> f.length > 1 && f[1].endsWith(String.format(":%04X", PORT)));
        } catch (IOException e) {
            return false; // the process is gone: the caller sees it
        }
    }

    /** Starts a command inside the namespace, its output (both streams) to a file in the directory. */
    Process startInNamespace(List<String> command, String outputFile) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        cmd.addAll(command);
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(outputFile).toFile())
                .start();
    }

    String spec() {
        return "127.0.0.1:" + PORT;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private String output() {
        try {
            return Files.readString(dir.resolve("l2tpns.out"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** A hidden AVP l2tpns received, with the value it revealed (the log line after it). */
    record HiddenAvp(int tunnel, String name, String revealed) {}

    /** Every hidden AVP in the log, in order, with the line l2tpns logged for its revealed value. */
    List<HiddenAvp> hiddenAvps() {
        List<HiddenAvp> avps = new ArrayList<>();
        HiddenAvp pending = null;
        for (String line : log().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) continue; // hex dumps
            String text = m.group(3);
            if (pending != null) {
                avps.add(new HiddenAvp(pending.tunnel(), pending.name(), text.strip()));
                pending = null;
            }
            Matcher h = HIDDEN.matcher(text);
            if (h.find()) pending = new HiddenAvp(Integer.parseInt(m.group(1)), h.group(1), null);
        }
        return avps;
    }

    /**
     * Stops l2tpns: SIGTERM to its process group, SIGKILL after 3 s. Idempotent; clears and then
     * restores the thread's interrupt (a test time-out) so that the clean-up still runs.
     */
    void stop() {
        if (stopped || process == null) return;
        stopped = true;
        boolean interrupted = Thread.interrupted();
        try {
            long group = processGroup > 0 ? processGroup : process.pid();
            run(List.of("kill", "-TERM", "--", "-" + group));
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                run(List.of("kill", "-KILL", "--", "-" + group));
                process.destroyForcibly();
                process.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Stops l2tpns and deletes the namespace (with it l2tpns's TUN device and routes). */
    @Override
    public void close() {
        stop();
        boolean interrupted = Thread.interrupted();
        try {
            run(List.of("ip", "netns", "delete", netns));
        } catch (IOException | InterruptedException e) {
            // nothing more to do: the namespace is left behind, named after this JVM's pid
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    /** Runs a short command to its end (at most 5 s): null when it succeeded, else what it said. */
    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", cmd) + ": no answer within 5 s";
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.exitValue() == 0 ? null : String.join(" ", cmd) + ": exit " + p.exitValue() + " " + out;
    }
}
