package io.lns.linux;

import java.io.IOException;

/**
 * A failed system call: which operation on which object ({@code "ioctl(TUNSETIFF, lns0)"}) and the
 * errno the kernel returned. Every native failure in this module is reported this way, so callers can
 * branch on {@link #errno()} (EBUSY, EEXIST, ...) and operators read the symbolic name. Nothing in this
 * module retries on its own.
 */
public class NativeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int errno;
    private final String detail;

    public NativeException(String operation, int errno) {
        this(operation, errno, null);
    }

    /**
     * @param detail extra text from the kernel (a netlink extended-ack message) or null
     */
    public NativeException(String operation, int errno, String detail) {
        super(format(operation, errno, detail));
        this.operation = operation;
        this.errno = errno;
        this.detail = detail;
    }

    /** What was attempted, e.g. {@code "RTM_NEWADDR(index 7, 10.0.0.1/24)"}. */
    public String operation() {
        return operation;
    }

    /** The positive errno value. */
    public int errno() {
        return errno;
    }

    /** The symbolic errno name, e.g. {@code "EBUSY"}. */
    public String errnoName() {
        return Errno.name(errno);
    }

    /** The kernel's extended-ack text, or null when it gave none. */
    public String detail() {
        return detail;
    }

    private static String format(String operation, int errno, String detail) {
        String text = operation + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
        return detail == null || detail.isEmpty() ? text : text + ": " + detail;
    }
}
