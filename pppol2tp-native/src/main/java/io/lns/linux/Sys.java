package io.lns.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * Checked wrappers over {@link LibC}: each returns the call's result or throws a {@link
 * NativeException} naming the operation. The library is loaded on first use, after the platform
 * check, so merely loading these classes elsewhere is harmless.
 */
final class Sys {
    private Sys() {}

    private static final class Holder {
        static final LibC C;

        static {
            Platform.requireSupported();
            C = Native.load("c", LibC.class);
        }
    }

    static LibC libc() {
        return Holder.C;
    }

    static int open(String path, int flags) throws NativeException {
        return check(libc().open(path, flags), "open(" + path + ")");
    }

    static int socket(int domain, int type, int protocol, String what) throws NativeException {
        return check(libc().socket(domain, type, protocol), "socket(" + what + ")");
    }

    static void ioctl(int fd, long request, Pointer arg, String what) throws NativeException {
        check(libc().ioctl(fd, new NativeLong(request), arg), "ioctl(" + what + ")");
    }

    /** An ioctl whose argument is an {@code int} the kernel fills in (e.g. PPPIOCGCHAN). */
    static int ioctlReadInt(int fd, long request, String what) throws NativeException {
        try (Memory value = new Memory(4)) {
            value.setInt(0, 0);
            ioctl(fd, request, value, what);
            return value.getInt(0);
        }
    }

    /**
     * An ioctl whose argument points to an {@code int} the kernel reads and may overwrite (e.g.
     * PPPIOCNEWUNIT, in/out); returns the int after the call.
     */
    static int ioctlInt(int fd, long request, int value, String what) throws NativeException {
        try (Memory memory = new Memory(4)) {
            memory.setInt(0, value);
            ioctl(fd, request, memory, what);
            return memory.getInt(0);
        }
    }

    /** An ioctl without an argument (e.g. PPPIOCDISCONN). */
    static void ioctlNoArgument(int fd, long request, String what) throws NativeException {
        ioctl(fd, request, Pointer.NULL, what);
    }

    /**
     * An ioctl whose argument points to a struct: {@code struct} goes in, and the struct as the kernel
     * left it comes back (for read-only and in/out structs alike).
     */
    static byte[] ioctlStruct(int fd, long request, byte[] struct, String what) throws NativeException {
        try (Memory memory = new Memory(struct.length)) {
            memory.write(0, struct, 0, struct.length);
            ioctl(fd, request, memory, what);
            return memory.getByteArray(0, struct.length);
        }
    }

    static void connect(int fd, byte[] address, String what) throws NativeException {
        try (Memory memory = new Memory(address.length)) {
            memory.write(0, address, 0, address.length);
            check(libc().connect(fd, memory, address.length), "connect(" + what + ")");
        }
    }

    static void setsockopt(int fd, int level, int name, int value, String what) throws NativeException {
        Memory memory = new Memory(4);
        memory.setInt(0, value);
        check(libc().setsockopt(fd, level, name, memory, 4), "setsockopt(" + what + ")");
    }

    static void setns(int fd, String what) throws NativeException {
        check(libc().setns(fd, LibC.CLONE_NEWNET), "setns(" + what + ", CLONE_NEWNET)");
    }

    /** Closes quietly: used on cleanup paths where a close error cannot be acted upon. */
    static void closeQuietly(int fd) {
        if (fd >= 0) {
            libc().close(fd);
        }
    }

    static int check(int result, String operation) throws NativeException {
        if (result < 0) {
            throw new NativeException(operation, Native.getLastError());
        }
        return result;
    }

    static long check(long result, String operation) throws NativeException {
        if (result < 0) {
            throw new NativeException(operation, Native.getLastError());
        }
        return result;
    }
}
