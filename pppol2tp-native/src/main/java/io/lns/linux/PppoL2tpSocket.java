package io.lns.linux;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@code AF_PPPOX}/{@code PX_PROTO_OL2TP} socket connected to an existing kernel L2TPv2 session
 * (kernel/FACTS.md §0 step 5, §3): the session's PPP channel. {@link #channelIndex()} (PPPIOCGCHAN)
 * names the channel for {@link PppChannel#attach}, and from then on the session's frames go to the
 * channel, not to this socket.
 *
 * <p>This socket <em>is</em> the session's lifetime: closing it deletes the kernel session (even one
 * made through netlink) and unregisters the channel, so the channel and unit fds read EOF. That is the
 * teardown to use; genl SESSION_DELETE alone leaves the PPP side running on 6.1 (§9).
 *
 * <p>Connect in the network namespace of the tunnel's UDP socket; the channel registers there.
 */
public final class PppoL2tpSocket implements AutoCloseable {
    private final int fd;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PppoL2tpSocket(int fd, String description) {
        this.fd = fd;
        this.description = description;
    }

    /**
     * Opens a PPPoL2TP socket and connects it to session ({@code tunnelId}, {@code sessionId}), whose
     * peer ids are {@code peerTunnelId} and {@code peerSessionId}. With {@code ipv6Underlay} the 50-byte
     * IPv6 address form is used (for a tunnel whose UDP socket is AF_INET6); otherwise the 38-byte one.
     *
     * @throws NativeException EAFNOSUPPORT without l2tp_ppp; EEXIST when another socket already has
     *     the session; ENOENT when the tunnel does not exist. Careful: when the tunnel exists but the
     *     session does not, the kernel <em>creates</em> it (legacy path, not in LNS mode) and succeeds.
     */
    public static PppoL2tpSocket connect(
            int tunnelId, int sessionId, int peerTunnelId, int peerSessionId, boolean ipv6Underlay)
            throws NativeException {
        Platform.requireSupported();
        byte[] address = ipv6Underlay
                ? PppoL2tpAddress.ipv6(tunnelId, sessionId, peerTunnelId, peerSessionId)
                : PppoL2tpAddress.ipv4(tunnelId, sessionId, peerTunnelId, peerSessionId);
        String description = "PPPoL2TP tunnel " + tunnelId + " session " + sessionId;
        int fd = Sys.socket(
                LibC.AF_PPPOX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, PppoL2tpAddress.PX_PROTO_OL2TP, "AF_PPPOX");
        try {
            Sys.connect(fd, address, description);
            return new PppoL2tpSocket(fd, description);
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    public int fd() {
        return fd;
    }

    /**
     * The PPP channel index (PPPIOCGCHAN). Call it right after connecting: it also binds the socket,
     * and from then on received frames go to the channel (those already queued are flushed there on
     * the 6.1 Debian build).
     */
    public int channelIndex() throws NativeException {
        checkOpen();
        return Sys.ioctlReadInt(fd, PppIoctl.PPPIOCGCHAN, "PPPIOCGCHAN, " + description);
    }

    /** The session's counters (PPPIOCGL2TPSTATS); they match genl SESSION_GET's. */
    public L2tpStats stats() throws NativeException {
        checkOpen();
        byte[] struct = Sys.ioctlStruct(
                fd,
                PppIoctl.PPPIOCGL2TPSTATS,
                new byte[PppIoctl.L2TP_STATS_LENGTH],
                "PPPIOCGL2TPSTATS, " + description);
        return PppIoctl.l2tpStats(struct);
    }

    /** Closes the socket, which deletes the kernel session and unregisters its channel. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Sys.closeQuietly(fd);
        }
    }

    private void checkOpen() {
        if (closed.get()) {
            // The fd number may already belong to something else.
            throw new IllegalStateException(description + " is closed");
        }
    }

    @Override
    public String toString() {
        return "PppoL2tpSocket[" + description + ", fd " + fd + (closed.get() ? ", closed" : "") + "]";
    }
}
