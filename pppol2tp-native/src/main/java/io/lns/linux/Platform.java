package io.lns.linux;

import java.util.Locale;

/**
 * This module speaks Linux x86_64 only: ioctl numbers, struct layouts and errno values are those of
 * that ABI. Every entry point checks here first so that elsewhere it fails with one clear sentence
 * instead of an UnsatisfiedLinkError or a silently wrong struct.
 */
public final class Platform {
    private static final String OS = System.getProperty("os.name", "?");
    private static final String ARCH = System.getProperty("os.arch", "?");

    private Platform() {}

    /** True on Linux x86_64 (os.arch "amd64" or "x86_64"). */
    public static boolean isSupported() {
        String arch = ARCH.toLowerCase(Locale.ROOT);
        return OS.toLowerCase(Locale.ROOT).startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"));
    }

    /** Why this platform is not supported, or null when it is. */
    public static String unsupportedReason() {
        return isSupported() ? null : "lns native support needs Linux on x86_64, this is " + OS + " on " + ARCH;
    }

    /** Throws {@link UnsupportedOperationException} with {@link #unsupportedReason()} off Linux x86_64. */
    public static void requireSupported() {
        if (!isSupported()) {
            throw new UnsupportedOperationException(unsupportedReason());
        }
    }
}
