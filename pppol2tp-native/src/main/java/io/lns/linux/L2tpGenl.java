package io.lns.linux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A client of the kernel's generic-netlink family {@code l2tp} (kernel/FACTS.md §2): creates and
 * deletes L2TPv2 tunnels over a managed UDP socket and PPP sessions in LNS mode, switches sequencing,
 * and reads tunnels and sessions with their counters. Blocking, one request at a time, like {@link
 * RtNetlink}; each call waits at most the timeout given at open.
 *
 * <p>The socket acts in the network namespace of the thread that opened it, which must also be the
 * namespace of every UDP socket handed to {@link #createTunnel} (EINVAL otherwise). The fd given
 * there is looked up in this process. Every command needs CAP_NET_ADMIN. Failures are {@link
 * NativeException}s naming the command and ids, e.g. {@code L2TP_CMD_SESSION_CREATE(tunnel 5, session
 * 7): EEXIST}; nothing is retried.
 */
public final class L2tpGenl implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    private final GenericNetlink genl;
    private final int family;

    private L2tpGenl(GenericNetlink genl, int family) {
        this.genl = genl;
        this.family = family;
    }

    /**
     * Opens a socket and resolves the family (which autoloads l2tp_netlink where module autoload
     * works).
     *
     * @throws NativeException {@code CTRL_CMD_GETFAMILY(l2tp): ENOENT} when the kernel has no L2TP
     *     netlink support
     */
    public static L2tpGenl open() throws NativeException {
        return open(DEFAULT_TIMEOUT);
    }

    public static L2tpGenl open(Duration timeout) throws NativeException {
        GenericNetlink genl = GenericNetlink.open(timeout);
        try {
            return new L2tpGenl(genl, genl.familyId(L2tpGenlMessages.FAMILY));
        } catch (NativeException | RuntimeException e) {
            genl.close();
            throw e;
        }
    }

    /** The family's dynamic id in this kernel. */
    public int familyId() {
        return family;
    }

    /**
     * Makes the connected UDP socket {@code udpSocketFd} the kernel tunnel {@code tunnelId} (L2TPv2,
     * UDP encapsulation). Control messages still reach the socket; data for the tunnel's sessions
     * stays in the kernel. The tunnel lives until every fd of that socket is closed.
     *
     * @throws NativeException EEXIST when the id is taken in this namespace (by anyone), EBUSY when the
     *     socket already carries a tunnel (also after a {@link #deleteTunnel}), EPROTONOSUPPORT for a
     *     socket that is not UDP, EINVAL for a socket in another namespace
     */
    public void createTunnel(int tunnelId, int peerTunnelId, int udpSocketFd) throws NativeException {
        genl.ack(L2tpGenlMessages.createTunnel(family, tunnelId, peerTunnelId, udpSocketFd));
    }

    /**
     * Deletes the tunnel and its sessions, asynchronously in the kernel. Prefer closing the UDP socket:
     * after this the socket cannot carry a tunnel again, and live sessions' PPP channels get no EOF
     * (kernel/FACTS.md §9).
     */
    public void deleteTunnel(int tunnelId) throws NativeException {
        genl.ack(L2tpGenlMessages.deleteTunnel(family, tunnelId));
    }

    /**
     * Creates a PPP session (pseudowire type 7) in LNS mode in tunnel {@code tunnelId}; with {@code
     * sequencing}, the kernel sends Ns/Nr and drops unsequenced data (only when the LAC sequences too).
     * Connect a {@link PppoL2tpSocket} to it before the LAC can send LCP.
     *
     * @throws NativeException ENODEV for an unknown tunnel, EEXIST when the session id exists there
     */
    public void createSession(int tunnelId, int sessionId, int peerSessionId, boolean sequencing)
            throws NativeException {
        genl.ack(L2tpGenlMessages.createSession(family, tunnelId, sessionId, peerSessionId, sequencing));
    }

    /** Turns SEND_SEQ and RECV_SEQ on or off; takes effect at once. */
    public void setSequencing(int tunnelId, int sessionId, boolean sequencing) throws NativeException {
        genl.ack(L2tpGenlMessages.modifySequencing(family, tunnelId, sessionId, sequencing));
    }

    /**
     * Deletes the session from the kernel's tables. On 6.1 this alone leaves the PPP side silent and
     * still transmitting; close the session's {@link PppoL2tpSocket} instead, or as well.
     */
    public void deleteSession(int tunnelId, int sessionId) throws NativeException {
        genl.ack(L2tpGenlMessages.deleteSession(family, tunnelId, sessionId));
    }

    /** The session with its counters, or empty when the kernel has no such tunnel or session. */
    public Optional<L2tpSessionInfo> session(int tunnelId, int sessionId) throws NativeException {
        List<NetlinkMessage> replies = getOrAbsent(L2tpGenlMessages.getSession(family, tunnelId, sessionId));
        for (NetlinkMessage reply : replies) {
            L2tpSessionInfo info = L2tpGenlMessages.parseSession(reply.payload());
            if (info != null) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** The tunnel with its counters, or empty when the kernel has no such tunnel. */
    public Optional<L2tpTunnelInfo> tunnel(int tunnelId) throws NativeException {
        for (NetlinkMessage reply : getOrAbsent(L2tpGenlMessages.getTunnel(family, tunnelId))) {
            L2tpTunnelInfo info = L2tpGenlMessages.parseTunnel(reply.payload());
            if (info != null) {
                return Optional.of(info);
            }
        }
        return Optional.empty();
    }

    /** Every L2TP session in this namespace (other programs' too). */
    public List<L2tpSessionInfo> sessions() throws NativeException {
        List<L2tpSessionInfo> sessions = new ArrayList<>();
        for (NetlinkMessage message : genl.request(L2tpGenlMessages.dumpSessions(family))) {
            L2tpSessionInfo info = ownMessage(message) ? L2tpGenlMessages.parseSession(message.payload()) : null;
            if (info != null) {
                sessions.add(info);
            }
        }
        return sessions;
    }

    /** Every L2TP tunnel in this namespace (other programs' too). */
    public List<L2tpTunnelInfo> tunnels() throws NativeException {
        List<L2tpTunnelInfo> tunnels = new ArrayList<>();
        for (NetlinkMessage message : genl.request(L2tpGenlMessages.dumpTunnels(family))) {
            L2tpTunnelInfo info = ownMessage(message) ? L2tpGenlMessages.parseTunnel(message.payload()) : null;
            if (info != null) {
                tunnels.add(info);
            }
        }
        return tunnels;
    }

    private boolean ownMessage(NetlinkMessage message) {
        return message.type() == family;
    }

    private List<NetlinkMessage> getOrAbsent(NetlinkMessageBuilder request) throws NativeException {
        try {
            return genl.request(request);
        } catch (NativeException e) {
            // 6.1 answers ENODEV for an unknown tunnel or session; ENOENT is accepted for other kernels.
            if (e.errno() == Errno.ENODEV || e.errno() == Errno.ENOENT) {
                return List.of();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        genl.close();
    }

    @Override
    public String toString() {
        return "L2tpGenl[family " + family + "]";
    }
}
