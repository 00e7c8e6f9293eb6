package io.lns.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * A named network namespace (as {@code ip netns add} makes them, under /run/netns), for tests and
 * demos that must not touch the host's interfaces and routes.
 *
 * <p>{@link #call} runs code on the <em>current</em> thread inside the namespace: setns(2) with
 * CLONE_NEWNET changes only the calling thread, and is undone before {@code call} returns. Sockets
 * and devices opened inside (TUN queues, netlink sockets, UDP sockets) stay bound to the namespace
 * after that, so they can be handed to event loops running elsewhere.
 */
public final class NetNamespace implements AutoCloseable {
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    private final String name;
    private final int fd;
    private boolean closed;

    private NetNamespace(String name, int fd) {
        this.name = name;
        this.fd = fd;
    }

    /**
     * Creates namespace {@code name} with {@code ip netns add} (root or CAP_SYS_ADMIN) and opens it.
     * Its loopback is down, as in any new namespace.
     */
    public static NetNamespace create(String name) throws IOException {
        Platform.requireSupported();
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("namespace name must be [A-Za-z0-9_.-]{1,64}: " + name);
        }
        run(List.of("ip", "netns", "add", name));
        try {
            int fd = Sys.open("/run/netns/" + name, LibC.O_RDONLY | LibC.O_CLOEXEC);
            return new NetNamespace(name, fd);
        } catch (NativeException | RuntimeException e) {
            deleteQuietly(name);
            throw e;
        }
    }

    /** Why namespaces cannot be made here (not root, no iproute2, not Linux x86_64), or null if they can. */
    public static String unavailableReason() {
        String platform = Platform.unsupportedReason();
        if (platform != null) {
            return platform;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return "network namespaces need root; running as " + System.getProperty("user.name");
        }
        try {
            run(List.of("ip", "netns", "list"));
            return null;
        } catch (IOException e) {
            return "ip netns does not work: " + e.getMessage();
        }
    }

    public String name() {
        return name;
    }

    /**
     * Runs {@code task} on this thread inside the namespace and returns its result; the thread is
     * back in its original namespace afterwards, whatever the task did.
     *
     * @throws IllegalStateException on a virtual thread (its carrier thread would be switched, not it)
     */
    public <T> T call(Callable<T> task) throws Exception {
        if (Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("setns needs a platform thread, not a virtual one");
        }
        if (closed) {
            throw new IllegalStateException("namespace " + name + " is closed");
        }
        int original = Sys.open("/proc/thread-self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC);
        try {
            Sys.setns(fd, "netns " + name);
            try {
                return task.call();
            } finally {
                // If this failed the thread would keep working in the wrong namespace: fail loudly.
                try {
                    Sys.setns(original, "original netns");
                } catch (NativeException e) {
                    throw new IllegalStateException("thread stuck in netns " + name + ": " + e.getMessage(), e);
                }
            }
        } finally {
            Sys.closeQuietly(original);
        }
    }

    /** Deletes the namespace ({@code ip netns delete}); devices still open inside go with it. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Sys.closeQuietly(fd);
        run(List.of("ip", "netns", "delete", name));
    }

    private static void deleteQuietly(String name) {
        try {
            run(List.of("ip", "netns", "delete", name));
        } catch (IOException ignored) {
            // best effort on a failure path that already reports its own error
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(
                        String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output);
        }
    }

    @Override
    public String toString() {
        return "NetNamespace[" + name + "]";
    }
}
