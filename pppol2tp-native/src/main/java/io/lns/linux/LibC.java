package io.lns.linux;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few libc calls this module makes through JNA. Only setup and teardown go through here (a few
 * calls per device, session or route); per-packet I/O uses Netty's JNI {@code FileDescriptor}.
 *
 * <p>Calls return -1 and leave errno in {@link Native#getLastError()}; {@link Sys} turns that into a
 * {@link NativeException}. We do not declare {@code LastErrorException}: JNA would then throw
 * whenever errno is non-zero after the call, even when the call succeeded.
 */
interface LibC extends Library {
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_NONBLOCK = 0x800;
    int O_CLOEXEC = 0x80000;

    int AF_NETLINK = 16;
    int AF_PPPOX = 24;
    int SOCK_DGRAM = 2;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int SOCK_NONBLOCK = 0x800;

    int SOL_SOCKET = 1;
    int SO_RCVTIMEO = 20;
    int SO_SNDTIMEO = 21;
    int SOL_NETLINK = 270;
    int NETLINK_ADD_MEMBERSHIP = 1;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;

    int MSG_DONTWAIT = 0x40;
    short POLLIN = 0x1;

    int CLONE_NEWNET = 0x40000000;

    int EFD_CLOEXEC = 0x80000;
    int EFD_NONBLOCK = 0x800;

    int open(String path, int flags);

    int close(int fd);

    int ioctl(int fd, NativeLong request, Pointer arg);

    int socket(int domain, int type, int protocol);

    int bind(int fd, Pointer address, int length);

    int connect(int fd, Pointer address, int length);

    int poll(Pointer fds, NativeLong count, int timeoutMillis);

    int setsockopt(int fd, int level, int name, Pointer value, int length);

    long send(int fd, Pointer buffer, long length, int flags);

    long recv(int fd, Pointer buffer, long length, int flags);

    int setns(int fd, int nstype);

    int if_nametoindex(String name);

    int eventfd(int initval, int flags);

    long write(int fd, Pointer buffer, long length);
}
