package io.lns.config;

/** Where subscribers' packets are forwarded ({@code system.dataplane}, {@code --dataplane}). */
public enum DataPlaneMode {
    /** tun when /dev/net/tun is usable, else none; the choice is logged. */
    AUTO,
    /** A userspace TUN device shared by all sessions. */
    TUN,
    /** Control plane only: data is counted and dropped. */
    NONE
}
