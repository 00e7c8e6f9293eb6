package io.lns.config;

/** Where subscribers' packets are forwarded ({@code system.dataplane}, {@code --dataplane}). */
public enum DataPlaneMode {
    /** kernel when the kernel has L2TP and PPP, else tun when /dev/net/tun is usable, else none; logged. */
    AUTO,
    /** The Linux kernel's PPPoL2TP: one pppN per session, packets never enter lns. */
    KERNEL,
    /** A userspace TUN device shared by all sessions. */
    TUN,
    /** Control plane only: data is counted and dropped. */
    NONE
}
