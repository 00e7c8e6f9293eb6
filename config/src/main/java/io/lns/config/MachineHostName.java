package io.lns.config;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's host name, the default of {@code system.host-name}. */
final class MachineHostName {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private MachineHostName() {}

    /** The kernel's host name (no DNS involved), else Java's idea of it, else {@code lns}. */
    static String get() {
        try {
            String h = Files.readString(KERNEL_HOSTNAME).strip();
            if (!h.isEmpty()) return h;
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: fall through
        }
        try {
            String h = InetAddress.getLocalHost().getHostName();
            if (h != null && !h.isBlank()) return h.strip();
        } catch (IOException | RuntimeException e) {
            // unresolvable local host: fall through
        }
        return "lns";
    }
}
