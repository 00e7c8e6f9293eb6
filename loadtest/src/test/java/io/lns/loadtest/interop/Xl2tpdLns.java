package io.lns.loadtest.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * xl2tpd (Debian package xl2tpd) running as an LNS for a test: its own config directory, a free
 * UDP port on 127.0.0.1, in the foreground and in its own PID namespace (on tunnel close it
 * signals pppd pids it stored long ago, which must not reach anything outside). pppd cannot run
 * on a host without /dev/ppp, so xl2tpd disconnects each call (CDN) right after the ICCN.
 */
final class Xl2tpdLns implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/xl2tpd");

    private final Path dir;
    private final Process process;
    private final Path log;
    private final int port;

    private Xl2tpdLns(Path dir, Process process, Path log, int port) {
        this.dir = dir;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Skips the calling test when xl2tpd is not installed; fails it when xl2tpd does not start. */
    static Xl2tpdLns start(Path dir, String secret, boolean challenge) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(BINARY),
                "xl2tpd is not installed (" + BINARY + "); install the Debian package xl2tpd to run this test");
        int port = freeUdpPort();
        Path conf = dir.resolve("xl2tpd.conf");
        Path secrets = dir.resolve("l2tp-secrets");
        Path options = dir.resolve("options.lns");
        Files.writeString(
                conf,
                String.join(
                        "\n",
                        "[global]",
                        "listen-addr = 127.0.0.1",
                        "port = " + port,
                        "access control = no",
                        "auth file = " + secrets,
                        "",
                        "[lns default]",
                        "ip range = 10.99.0.2-10.99.0.250",
                        "local ip = 10.99.0.1",
                        "require authentication = no",
                        "ppp debug = no",
                        "pppoptfile = " + options,
                        "length bit = yes",
                        challenge ? "challenge = yes" : "",
                        ""));
        Files.writeString(secrets, "* * " + (secret == null ? "unused" : secret) + "\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(options, "noauth\n");
        Path log = dir.resolve("xl2tpd.log");
        List<String> cmd = new ArrayList<>(
                List.of("unshare", "--pid", "--fork", "--mount-proc", "--kill-child", BINARY.toString(), "-D"));
        cmd.addAll(List.of(
                "-c", conf.toString(),
                "-s", secrets.toString(),
                "-p", dir.resolve("xl2tpd.pid").toString(),
                "-C", dir.resolve("l2tp-control").toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Xl2tpdLns lns = new Xl2tpdLns(dir, p, log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String text = lns.log();
            if (text.contains("Listening on IP address")) return lns;
            if (!p.isAlive()) {
                throw new IllegalStateException("xl2tpd exited at once (unshare --pid needs root): " + text.strip());
            }
            Thread.sleep(20);
        }
        lns.close();
        throw new IllegalStateException("xl2tpd did not start listening within 5 s:\n" + lns.log());
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    String spec() {
        return "127.0.0.1:" + port;
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    Path dir() {
        return dir;
    }

    /**
     * Stops xl2tpd with SIGTERM (unshare itself ignores it), then unshare; --kill-child makes sure
     * xl2tpd, PID 1 of its namespace, and every pppd under it are gone with unshare.
     */
    @Override
    public void close() throws InterruptedException {
        process.children().forEach(ProcessHandle::destroy);
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(3, TimeUnit.SECONDS);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }
}
