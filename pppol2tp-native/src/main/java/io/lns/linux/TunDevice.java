package io.lns.linux;

import com.sun.jna.Memory;
import io.netty.channel.epoll.Epoll;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A layer-3 TUN device (IFF_TUN | IFF_NO_PI: each read or write is one bare IP packet) with one or
 * more queues. A multi-queue device spreads received flows over its queues, so each event loop can
 * own one queue and nobody locks. The device is not persistent: closing the last queue deletes it.
 *
 * <p>Setup (open, TUNSETIFF, index lookup) goes through JNA; the queues' packet I/O goes through
 * Netty's JNI {@link io.netty.channel.unix.FileDescriptor}. The device lives in the network namespace
 * of the thread that opens it.
 */
public final class TunDevice implements AutoCloseable {
    /** The kernel's limit on queues per device (MAX_TAP_QUEUES). */
    public static final int MAX_QUEUES = 256;

    static final long TUNSETIFF = 0x400454caL;
    static final short IFF_TUN = 0x0001;
    static final short IFF_NO_PI = 0x1000;
    static final short IFF_MULTI_QUEUE = 0x0100;
    private static final int IFNAMSIZ = 16;
    private static final int IFREQ_SIZE = 40;

    private final String name;
    private final int ifIndex;
    private final List<TunQueue> queues;

    private TunDevice(String name, int ifIndex, List<TunQueue> queues) {
        this.name = name;
        this.ifIndex = ifIndex;
        this.queues = List.copyOf(queues);
    }

    /**
     * Creates TUN device {@code name} (a {@code %d} pattern such as {@code "lns%d"} lets the kernel pick
     * the number) with {@code queues} queues, each non-blocking and close-on-exec. One queue omits
     * IFF_MULTI_QUEUE, so a second open of the same name fails with EBUSY instead of adding a queue.
     *
     * @throws NativeException e.g. {@code ioctl(TUNSETIFF, lns0): EPERM} without CAP_NET_ADMIN, EBUSY
     *     when a single-queue device of that name is in use, EINVAL for a name the kernel rejects
     */
    public static TunDevice open(String name, int queues) throws NativeException {
        Platform.requireSupported();
        if (queues < 1 || queues > MAX_QUEUES) {
            throw new IllegalArgumentException("queues must be 1.." + MAX_QUEUES + ", not " + queues);
        }
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        if (nameBytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name longer than 15 characters: " + name);
        }
        // FileDescriptor's JNI methods live in Netty's epoll library: load it now, not on the first packet.
        Epoll.ensureAvailability();
        short flags = (short) (IFF_TUN | IFF_NO_PI | (queues > 1 ? IFF_MULTI_QUEUE : 0));
        List<TunQueue> opened = new ArrayList<>(queues);
        String actualName = name;
        try {
            for (int i = 0; i < queues; i++) {
                int fd = Sys.open("/dev/net/tun", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
                try {
                    // Later queues attach by the name the kernel gave the first (matters for "lns%d").
                    actualName = setIff(fd, actualName, flags);
                } catch (NativeException | RuntimeException e) {
                    Sys.closeQuietly(fd);
                    throw e;
                }
                opened.add(new TunQueue(fd, actualName, i));
            }
            int index = Sys.libc().if_nametoindex(actualName);
            Sys.check(index == 0 ? -1 : index, "if_nametoindex(" + actualName + ")");
            return new TunDevice(actualName, index, opened);
        } catch (NativeException | RuntimeException e) {
            opened.forEach(TunQueue::close);
            throw e;
        }
    }

    private static String setIff(int fd, String name, short flags) throws NativeException {
        try (Memory ifreq = new Memory(IFREQ_SIZE)) {
            ifreq.clear();
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            ifreq.write(0, nameBytes, 0, nameBytes.length);
            ifreq.setShort(IFNAMSIZ, flags);
            Sys.ioctl(fd, TUNSETIFF, ifreq, "TUNSETIFF, " + name);
            byte[] actual = ifreq.getByteArray(0, IFNAMSIZ);
            int length = 0;
            while (length < IFNAMSIZ && actual[length] != 0) {
                length++;
            }
            return new String(actual, 0, length, StandardCharsets.US_ASCII);
        }
    }

    /** The name the kernel gave the device. */
    public String name() {
        return name;
    }

    /** The interface index, in the namespace the device was opened in. */
    public int ifIndex() {
        return ifIndex;
    }

    public int queueCount() {
        return queues.size();
    }

    public TunQueue queue(int i) {
        return queues.get(i);
    }

    public List<TunQueue> queues() {
        return queues;
    }

    /**
     * Closes every queue, which deletes the device. Cancel their {@link FdWatch}es first: a watch on a
     * closed fd number could otherwise meet a new fd that reuses the number.
     */
    @Override
    public void close() {
        queues.forEach(TunQueue::close);
    }

    @Override
    public String toString() {
        return "TunDevice[" + name + ", index " + ifIndex + ", " + queues.size() + " queues]";
    }
}
