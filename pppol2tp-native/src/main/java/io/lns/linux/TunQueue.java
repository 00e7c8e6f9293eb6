package io.lns.linux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;

/**
 * One queue of a {@link TunDevice}: a non-blocking fd where each read returns one IP packet the kernel
 * routed to the device and each write injects one. Register {@link #fd()} on an event loop with {@link
 * FdWatch} and call {@link #read} from its callback until it returns 0.
 *
 * <p>Reads and writes go straight to Netty's JNI on the buffer's native memory: no JNA, no copy, no
 * allocation per packet. Buffers must therefore be direct.
 */
public final class TunQueue implements AutoCloseable {
    private final FileDescriptor fd;
    private final int index;
    private final String readOperation;
    private final String writeOperation;
    private final LongAdder droppedWrites = new LongAdder();

    TunQueue(int fd, String deviceName, int index) {
        this.fd = new FileDescriptor(fd);
        this.index = index;
        this.readOperation = "read(" + deviceName + " queue " + index + ")";
        this.writeOperation = "write(" + deviceName + " queue " + index + ")";
    }

    /** The queue's fd, for {@link FdWatch#register} or Netty's own {@code readAddress/writeAddress}. */
    public FileDescriptor fd() {
        return fd;
    }

    /** This queue's position in its device, 0-based. */
    public int index() {
        return index;
    }

    /**
     * Reads one packet into {@code buffer} at its writer index and advances it.
     *
     * <p>Give at least the device MTU of writable space: the kernel truncates a larger packet to the
     * space given, so a short buffer silently yields a cut packet.
     *
     * @return the packet's length, or 0 when no packet is waiting
     * @throws IllegalArgumentException if the buffer is not direct
     */
    public int read(ByteBuf buffer) throws NativeException {
        return read(buffer, buffer.hasMemoryAddress());
    }

    /** {@code useAddress} false takes the NIO-view path that buffers without a native address need. */
    int read(ByteBuf buffer, boolean useAddress) throws NativeException {
        // End of stream (which an attached TUN queue never reports) reads as "nothing waiting".
        return Math.max(0, FdIo.read(fd, buffer, useAddress, readOperation));
    }

    /**
     * Writes the readable bytes of {@code packet} as one IP packet. Indices are left as they are and
     * the caller keeps ownership of the buffer.
     *
     * @return true if the kernel took it; false if it was dropped because the kernel would have
     *     blocked (counted in {@link #droppedWrites()}): a TUN write must never stall the event loop
     * @throws NativeException for other refusals, e.g. EINVAL for a packet that is not IPv4 or IPv6
     */
    public boolean write(ByteBuf packet) throws NativeException {
        return write(packet, packet.hasMemoryAddress());
    }

    boolean write(ByteBuf packet, boolean useAddress) throws NativeException {
        int n;
        try {
            n = FdIo.write(fd, packet, useAddress, writeOperation);
        } catch (NativeException failure) {
            if (failure.errno() == Errno.ENOBUFS) {
                droppedWrites.increment();
                return false;
            }
            throw failure;
        }
        if (n == 0 && packet.readableBytes() > 0) {
            droppedWrites.increment();
            return false;
        }
        return true;
    }

    /** Packets {@link #write} dropped because the kernel would have blocked or had no buffers. */
    public long droppedWrites() {
        return droppedWrites.sum();
    }

    /** Closes the fd; closing a device's last queue deletes the device. Idempotent. */
    @Override
    public void close() {
        try {
            fd.close();
        } catch (IOException ignored) {
            // close(2) of a TUN fd cannot fail in a way the caller could act on.
        }
    }

    @Override
    public String toString() {
        return "TunQueue[" + readOperation.substring(5, readOperation.length() - 1) + ", fd " + fd.intValue() + "]";
    }
}
