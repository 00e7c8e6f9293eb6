package io.lns.linux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;

/**
 * A non-blocking {@code /dev/ppp} fd, either a {@link PppChannel} (LCP and authentication, and
 * everything before the channel is connected to a unit) or a {@link PppUnit} (NCPs such as IPCP and
 * IPv6CP once connected). Each read or write is one PPP frame in the kernel's framing
 * (kernel/FACTS.md §5): the 2-byte protocol (big endian) and the packet, <em>without</em> FF 03.
 *
 * <p>These fds are not sockets: put {@link #fd()} on an event loop with {@link FdWatch}. Reads and
 * writes on a direct buffer go straight through Netty's JNI; heap buffers are copied through a pooled
 * direct one (control frames are rare). Each fd queues at most 32 frames; older ones are dropped.
 */
public abstract sealed class PppFd implements AutoCloseable permits PppChannel, PppUnit {
    /** Writable space a read needs: 2-byte protocol + the default 1500-byte MRU. */
    public static final int MIN_READ_SPACE = 1502;
    /** The most a heap-buffer read copies through its scratch buffer. */
    private static final int MAX_SCRATCH = 64 * 1024;

    private final FileDescriptor fd;
    private final String description;

    PppFd(int fd, String description) {
        this.fd = new FileDescriptor(fd);
        this.description = description;
    }

    /** Opens {@code /dev/ppp} non-blocking and close-on-exec, loading Netty's JNI first. */
    static int openDevPpp() throws NativeException {
        Platform.requireSupported();
        // FileDescriptor's JNI methods live in Netty's epoll library: load it now, not on the first frame.
        Epoll.ensureAvailability();
        return Sys.open("/dev/ppp", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
    }

    /** The fd, for {@link FdWatch#register}. */
    public FileDescriptor fd() {
        return fd;
    }

    /**
     * Reads one frame into {@code buffer}'s writable space and advances its writer index.
     *
     * @return the frame's length; 0 when nothing is pending (EAGAIN); -1 at end of file: on a channel,
     *     its session is gone (PPPoL2TP socket closed); on a unit, no channel is connected to it
     * @throws IllegalArgumentException with less than {@link #MIN_READ_SPACE} writable bytes: the
     *     kernel would fail a longer frame with EOVERFLOW and lose it
     * @throws NativeException e.g. EOVERFLOW for a frame longer than the space given (that frame is
     *     lost; the fd stays usable)
     */
    public int read(ByteBuf buffer) throws NativeException {
        checkOpen();
        if (buffer.writableBytes() < MIN_READ_SPACE) {
            throw new IllegalArgumentException(
                    "a PPP read needs " + MIN_READ_SPACE + " writable bytes, got " + buffer.writableBytes());
        }
        String operation = "read(" + description + ")";
        if (buffer.hasMemoryAddress()) {
            return FdIo.read(fd, buffer, true, operation);
        }
        if (buffer.isDirect() && buffer.nioBufferCount() == 1) {
            return FdIo.read(fd, buffer, false, operation);
        }
        ByteBuf scratch = ByteBufAllocator.DEFAULT.directBuffer(Math.min(buffer.writableBytes(), MAX_SCRATCH));
        try {
            int n = FdIo.read(fd, scratch, scratch.hasMemoryAddress(), operation);
            if (n > 0) {
                buffer.writeBytes(scratch, scratch.readerIndex(), n);
            }
            return n;
        } finally {
            scratch.release();
        }
    }

    /**
     * Writes the readable bytes of {@code frame} (protocol + packet, no FF 03) as one frame. Indices are
     * left as they are and the caller keeps ownership.
     *
     * @return true when the kernel took it; false when it would have blocked
     * @throws NativeException e.g. EINVAL for an LCP frame under 6 bytes
     */
    public boolean write(ByteBuf frame) throws NativeException {
        checkOpen();
        String operation = "write(" + description + ")";
        int length = frame.readableBytes();
        int n;
        if (frame.hasMemoryAddress()) {
            n = FdIo.write(fd, frame, true, operation);
        } else if (frame.isDirect() && frame.nioBufferCount() == 1) {
            n = FdIo.write(fd, frame, false, operation);
        } else {
            ByteBuf scratch = ByteBufAllocator.DEFAULT.directBuffer(length);
            try {
                scratch.writeBytes(frame, frame.readerIndex(), length);
                n = FdIo.write(fd, scratch, scratch.hasMemoryAddress(), operation);
            } finally {
                scratch.release();
            }
        }
        return n > 0 || length == 0;
    }

    /** The raw fd number for ioctls; only while open. */
    final int intFd() {
        checkOpen();
        return fd.intValue();
    }

    final String description() {
        return description;
    }

    private void checkOpen() {
        if (!fd.isOpen()) {
            // The fd number may already belong to something else.
            throw new IllegalStateException(description + " is closed");
        }
    }

    /** Closes the fd. Cancel its {@link FdWatch} first. Idempotent. */
    @Override
    public void close() {
        try {
            fd.close();
        } catch (IOException ignored) {
            // close(2) of a /dev/ppp fd cannot fail in a way the caller could act on.
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + description + ", fd " + fd.intValue()
                + (fd.isOpen() ? "" : ", closed") + "]";
    }
}
