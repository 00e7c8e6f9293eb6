package io.lns.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking netlink socket (rtnetlink today, generic netlink for the kernel L2TP path next) that
 * sends one request at a time and waits for its answer: an acknowledgement, one reply, or a
 * multi-part dump ending in NLMSG_DONE. Failures come back as the NLMSG_ERROR errno, with the
 * kernel's extended-ack text when it gives one.
 *
 * <p>Blocking is deliberate: these are setup calls (a few per device, session or route), and each
 * wait is bounded by the receive timeout. The socket acts in the network namespace of the thread that
 * opened it. Calls are serialised, so one instance may be shared, but a dedicated one per event loop
 * avoids waiting on each other.
 */
final class Netlink implements AutoCloseable {
    static final int NETLINK_ROUTE = 0;
    static final int NETLINK_GENERIC = 16;

    private static final int RECEIVE_BUFFER = 64 * 1024;

    private final int fd;
    private final Duration timeout;
    private final Memory receiveBuffer = new Memory(RECEIVE_BUFFER);
    private int seq;
    private boolean closed;

    private Netlink(int fd, Duration timeout) {
        this.fd = fd;
        this.timeout = timeout;
        this.seq = (int) (System.nanoTime() & 0x7fff_ffff);
    }

    /**
     * Opens a netlink socket of {@code protocol} in the calling thread's network namespace.
     *
     * @param timeout how long one request may wait for its answer
     */
    static Netlink open(int protocol, Duration timeout) throws NativeException {
        Platform.requireSupported();
        String what = "AF_NETLINK, protocol " + protocol;
        int fd = Sys.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol, what);
        try {
            Memory address = new Memory(12); // sockaddr_nl: family, pad, port id 0 (kernel assigns), groups
            address.clear();
            address.setShort(0, (short) LibC.AF_NETLINK);
            Sys.check(Sys.libc().bind(fd, address, 12), "bind(" + what + ")");
            Memory timeval = new Memory(16);
            long micros = Math.max(1000, timeout.toNanos() / 1000);
            timeval.setLong(0, micros / 1_000_000);
            timeval.setLong(8, micros % 1_000_000);
            Sys.check(
                    Sys.libc().setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, timeval, 16),
                    "setsockopt(" + what + ", SO_RCVTIMEO)");
            // Extended acks carry the kernel's reason text ("Invalid prefix for given prefix length");
            // capped acks keep an error from echoing the whole request. Both are optional extras.
            trySetOption(fd, LibC.NETLINK_EXT_ACK);
            trySetOption(fd, LibC.NETLINK_CAP_ACK);
            return new Netlink(fd, timeout);
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    private static void trySetOption(int fd, int option) {
        try {
            Sys.setsockopt(fd, LibC.SOL_NETLINK, option, 1, "SOL_NETLINK " + option);
        } catch (NativeException ignored) {
            // Older kernels: errors simply come without text.
        }
    }

    /** Sends a request that carries NLM_F_ACK and waits for the acknowledgement. */
    synchronized void ack(NetlinkMessageBuilder request) throws NativeException {
        if ((request.flags() & NetlinkMessage.NLM_F_ACK) == 0) {
            throw new IllegalArgumentException(request.description() + " does not ask for an ack");
        }
        exchange(request);
    }

    /**
     * Sends a get or dump request and returns the replies in order (NLMSG_DONE is consumed). A dump
     * must not ask for an ack.
     */
    synchronized List<NetlinkMessage> request(NetlinkMessageBuilder request) throws NativeException {
        return exchange(request);
    }

    private List<NetlinkMessage> exchange(NetlinkMessageBuilder request) throws NativeException {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
        int mySeq = ++seq;
        byte[] bytes = request.build(mySeq);
        Memory out = new Memory(bytes.length);
        out.write(0, bytes, 0, bytes.length);
        long sent = Sys.check(Sys.libc().send(fd, out, bytes.length, 0), "send(" + request.description() + ")");
        if (sent != bytes.length) {
            throw new IllegalStateException("netlink send was short: " + sent + " of " + bytes.length);
        }
        boolean dump = (request.flags() & NetlinkMessage.NLM_F_DUMP) == NetlinkMessage.NLM_F_DUMP;
        boolean wantsAck = (request.flags() & NetlinkMessage.NLM_F_ACK) != 0;
        List<NetlinkMessage> replies = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (System.nanoTime() - deadline > 0) {
                throw timedOut(request);
            }
            long received = Sys.libc().recv(fd, receiveBuffer, RECEIVE_BUFFER, 0);
            if (received < 0) {
                int errno = Native.getLastError();
                if (errno == Errno.EINTR) {
                    continue;
                }
                if (errno == Errno.EAGAIN) {
                    throw timedOut(request);
                }
                throw new NativeException("recv(" + request.description() + ")", errno);
            }
            ByteBuffer datagram = ByteBuffer.wrap(receiveBuffer.getByteArray(0, (int) received))
                    .order(ByteOrder.nativeOrder());
            for (NetlinkMessage message : NetlinkMessage.parseAll(datagram)) {
                if (message.seq() != mySeq) {
                    continue; // an answer to an earlier request that timed out
                }
                switch (message.type()) {
                    case NetlinkMessage.NLMSG_ERROR -> {
                        int errno = message.errorCode();
                        if (errno != 0) {
                            throw new NativeException(request.description(), errno, message.extendedAckMessage());
                        }
                        return replies;
                    }
                    case NetlinkMessage.NLMSG_DONE -> {
                        ByteBuffer payload = message.payload();
                        if (payload.limit() >= 4 && payload.getInt(0) < 0) {
                            throw new NativeException(request.description(), -payload.getInt(0));
                        }
                        return replies; // a dump ends here; the kernel sends no ack after it
                    }
                    case NetlinkMessage.NLMSG_NOOP -> {}
                    default -> {
                        replies.add(message);
                        boolean more = dump || (message.flags() & NetlinkMessage.NLM_F_MULTI) != 0;
                        if (!more && !wantsAck) {
                            return replies;
                        }
                    }
                }
            }
        }
    }

    /**
     * Joins multicast group {@code group} (for generic netlink, a group id from the family lookup):
     * the kernel then queues the group's notifications on this socket. Requests keep working; their
     * answers are told apart by sequence number, and notifications (sequence 0) are skipped there.
     */
    synchronized void joinGroup(int group, String what) throws NativeException {
        Sys.setsockopt(
                fd, LibC.SOL_NETLINK, LibC.NETLINK_ADD_MEMBERSHIP, group, "NETLINK_ADD_MEMBERSHIP(" + what + ")");
    }

    /**
     * What {@link #receive} found: the messages, and whether the kernel reported that notifications
     * were dropped because the socket's receive queue was full (ENOBUFS) since the last call.
     */
    record Received(List<NetlinkMessage> messages, boolean overrun) {}

    /**
     * Waits up to {@code wait} for the first datagram, then takes what else is already queued (at most
     * {@code maxDatagrams} in all) without waiting again. For a socket that joined a group; answers to
     * this socket's own requests never come here, because requests consume them.
     */
    synchronized Received receive(Duration wait, int maxDatagrams) throws NativeException {
        if (closed) {
            throw new IllegalStateException("netlink socket closed");
        }
        List<NetlinkMessage> messages = new ArrayList<>();
        boolean overrun = false;
        if (!awaitReadable(wait)) {
            return new Received(messages, false);
        }
        for (int i = 0; i < maxDatagrams; i++) {
            long received = Sys.libc().recv(fd, receiveBuffer, RECEIVE_BUFFER, LibC.MSG_DONTWAIT);
            if (received < 0) {
                int errno = Native.getLastError();
                if (errno == Errno.EAGAIN) {
                    break;
                }
                if (errno == Errno.ENOBUFS) {
                    overrun = true; // reported once per overflow; the socket stays usable
                    continue;
                }
                if (errno == Errno.EINTR) {
                    continue;
                }
                throw new NativeException("recv(netlink notifications)", errno);
            }
            ByteBuffer datagram = ByteBuffer.wrap(receiveBuffer.getByteArray(0, (int) received))
                    .order(ByteOrder.nativeOrder());
            messages.addAll(NetlinkMessage.parseAll(datagram));
        }
        return new Received(messages, overrun);
    }

    /** poll(2) for POLLIN up to {@code wait}; false when nothing arrived in time. */
    private boolean awaitReadable(Duration wait) throws NativeException {
        long deadline = System.nanoTime() + Math.max(0, wait.toNanos());
        try (Memory pollfd = new Memory(8)) { // struct pollfd: int fd, short events, short revents
            while (true) {
                long remainingMillis = Math.max(0, (deadline - System.nanoTime() + 999_999) / 1_000_000);
                pollfd.setInt(0, fd);
                pollfd.setShort(4, LibC.POLLIN);
                pollfd.setShort(6, (short) 0);
                int ready =
                        Sys.libc().poll(pollfd, new NativeLong(1), (int) Math.min(Integer.MAX_VALUE, remainingMillis));
                if (ready > 0) {
                    return true;
                }
                if (ready == 0) {
                    return false;
                }
                int errno = Native.getLastError();
                if (errno != Errno.EINTR) {
                    throw new NativeException("poll(netlink notifications)", errno);
                }
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
            }
        }
    }

    private NativeException timedOut(NetlinkMessageBuilder request) {
        return new NativeException(
                request.description(), Errno.EAGAIN, "no answer from the kernel within " + timeout.toMillis() + " ms");
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Sys.closeQuietly(fd);
        }
    }
}
