package io.lns.server.transport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * xl2tpd (Debian package) as a real LAC, in its own PID namespace (on tunnel close it signals pppd
 * pids it stored long ago, which must not be ours). pppd cannot run on a kernel without /dev/ppp,
 * so every call it places is cleared by its own CDN right after ICCN.
 */
final class Xl2tpdLac implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/xl2tpd");

    private final Path dir;
    private final Path control;
    private final Process process;

    Xl2tpdLac(Path dir, String listenAddress, String lnsAddress, String secret, boolean hidden) throws Exception {
        this.dir = Files.createDirectories(dir);
        this.control = dir.resolve("control");
        StringBuilder conf = new StringBuilder()
                .append("[global]\nlisten-addr = ")
                .append(listenAddress)
                .append("\nport = 1701\naccess control = no\n");
        if (secret != null)
            conf.append("auth file = ").append(dir.resolve("l2tp-secrets")).append('\n');
        conf.append("\n[lac test]\nlns = ")
                .append(lnsAddress)
                .append("\nredial = no\nautodial = no\nlength bit = yes\npppoptfile = ")
                .append(dir.resolve("options"))
                .append('\n');
        if (secret != null) conf.append("challenge = yes\n");
        if (hidden) conf.append("hidden bit = yes\n");
        Files.writeString(dir.resolve("xl2tpd.conf"), conf.toString());
        Files.writeString(dir.resolve("options"), "noauth\n");
        if (secret != null) Files.writeString(dir.resolve("l2tp-secrets"), "* * " + secret + "\n");
        new ProcessBuilder("mkfifo", control.toString()).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        process = new ProcessBuilder(List.of(
                        "unshare",
                        "--pid",
                        "--fork",
                        "--mount-proc",
                        "--kill-child",
                        BINARY.toString(),
                        "-D",
                        "-c",
                        dir.resolve("xl2tpd.conf").toString(),
                        "-p",
                        dir.resolve("xl2tpd.pid").toString(),
                        "-C",
                        control.toString()))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("xl2tpd.log").toFile())
                .start();
        Thread.sleep(500);
    }

    void dial() throws IOException {
        command("c test");
    }

    void hangUp() throws IOException {
        command("d test");
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("xl2tpd.log"), StandardCharsets.UTF_8);
    }

    private void command(String line) throws IOException {
        // Opening a FIFO for writing blocks until xl2tpd reads it; it always has it open.
        Files.writeString(control, line + "\n");
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }

    /** xl2tpd is installed and we may give it a PID namespace (root). */
    static boolean usable() {
        if (!Files.isExecutable(BINARY)) return false;
        try {
            Process p = new ProcessBuilder("unshare", "--pid", "--fork", "--mount-proc", "true")
                    .redirectErrorStream(true)
                    .start();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
