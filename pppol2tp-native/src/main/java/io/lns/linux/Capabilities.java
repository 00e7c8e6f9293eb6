package io.lns.linux;

import java.time.Duration;
import java.util.List;

/**
 * What the data paths need and whether this host has it, each with a one-line reason: the TUN path
 * needs /dev/net/tun and the right to create a device; the kernel path needs AF_PPPOX sockets, the
 * generic-netlink family {@code l2tp} and /dev/ppp. Used by {@code --dataplane auto} to choose, and by
 * {@code lns check} to explain the choice. Probing never throws.
 *
 * @param tun whether a TUN device can be created (tried for real with a throwaway device)
 * @param pppox whether {@code socket(AF_PPPOX, SOCK_DGRAM, PX_PROTO_OL2TP)} works (l2tp_ppp loaded)
 * @param l2tpGenl whether the generic-netlink family {@code l2tp} exists (l2tp_netlink loaded)
 * @param devPpp whether /dev/ppp opens (ppp_generic)
 */
public record Capabilities(Check tun, Check pppox, Check l2tpGenl, Check devPpp) {
    /** One requirement's verdict and why, e.g. {@code "socket(AF_PPPOX): EAFNOSUPPORT (...)"}. */
    public record Check(boolean available, String reason) {
        static Check ok(String reason) {
            return new Check(true, reason);
        }

        static Check no(String reason) {
            return new Check(false, reason);
        }
    }

    static final int PX_PROTO_OL2TP = 1;

    /** Probes this host (in the calling thread's network namespace). */
    public static Capabilities probe() {
        String platform = Platform.unsupportedReason();
        if (platform != null) {
            Check no = Check.no(platform);
            return new Capabilities(no, no, no, no);
        }
        return new Capabilities(probeTun(), probePppox(), probeL2tpGenl(), probeDevPpp());
    }

    /** True when the kernel data path can work: AF_PPPOX, genl {@code l2tp} and /dev/ppp. */
    public boolean kernelDataPath() {
        return pppox.available() && l2tpGenl.available() && devPpp.available();
    }

    /** True when the TUN data path can work. */
    public boolean tunDataPath() {
        return tun.available();
    }

    /** One line per requirement, for {@code lns check} and the startup log. */
    public List<String> describe() {
        return List.of(
                line("tun", tun), line("AF_PPPOX", pppox), line("genl l2tp", l2tpGenl), line("/dev/ppp", devPpp));
    }

    private static String line(String what, Check check) {
        return what + ": " + (check.available() ? "yes" : "no") + " (" + check.reason() + ")";
    }

    private static Check probeTun() {
        // A real TUNSETIFF is the only honest test: containers may hide the capability or the device.
        try (TunDevice device = TunDevice.open("lnsprobe%d", 1)) {
            return Check.ok("created and removed " + device.name());
        } catch (NativeException e) {
            return Check.no(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Check.no("TUN setup failed: " + e);
        }
    }

    private static Check probePppox() {
        try {
            int fd = Sys.socket(LibC.AF_PPPOX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, PX_PROTO_OL2TP, "AF_PPPOX");
            Sys.closeQuietly(fd);
            return Check.ok("socket(AF_PPPOX, PX_PROTO_OL2TP) works");
        } catch (NativeException e) {
            return Check.no(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Check.no("AF_PPPOX probe failed: " + e);
        }
    }

    private static Check probeL2tpGenl() {
        try (GenericNetlink genl = GenericNetlink.open(Duration.ofSeconds(2))) {
            return Check.ok("family l2tp has id " + genl.familyId("l2tp"));
        } catch (NativeException e) {
            return Check.no(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Check.no("genl probe failed: " + e);
        }
    }

    private static Check probeDevPpp() {
        try {
            int fd = Sys.open("/dev/ppp", LibC.O_RDWR | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
            Sys.closeQuietly(fd);
            return Check.ok("/dev/ppp opens");
        } catch (NativeException e) {
            return Check.no(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Check.no("/dev/ppp probe failed: " + e);
        }
    }
}
