package io.lns.linux;

/**
 * A {@code /dev/ppp} fd that created a PPP unit (PPPIOCNEWUNIT): the netdev {@code ppp<n>} in the
 * calling thread's namespace. After a {@link PppChannel#connect} NCP frames (IPCP, IPv6CP, CCP) are
 * read and written here. Configure the netdev (rename while down, MTU, addresses, up) with {@link
 * RtNetlink}; NP mode already defaults to pass.
 *
 * <p>Closing this fd destroys the netdev. A unit with no channel connected reads -1 at once.
 */
public final class PppUnit extends PppFd {
    /** Seconds since the unit last sent and last received a data packet (PPPIOCGIDLE). */
    public record Idle(long transmitSeconds, long receiveSeconds) {}

    /** PPP protocol numbers that have NP modes: IPv4 and IPv6. */
    public static final int PROTOCOL_IP = 0x0021;

    public static final int PROTOCOL_IPV6 = 0x0057;

    private final int unit;

    private PppUnit(int fd, int unit) {
        super(fd, "ppp unit " + unit);
        this.unit = unit;
    }

    /**
     * Opens {@code /dev/ppp} and creates a new unit with the first free number (PPPIOCNEWUNIT -1).
     *
     * @throws NativeException EPERM without CAP_NET_ADMIN; ENOENT/ENODEV without ppp_generic
     */
    public static PppUnit create() throws NativeException {
        int fd = openDevPpp();
        try {
            int unit = Sys.ioctlInt(fd, PppIoctl.PPPIOCNEWUNIT, -1, "PPPIOCNEWUNIT");
            return new PppUnit(fd, unit);
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    /** The unit number n. */
    public int unit() {
        return unit;
    }

    /** {@code "ppp" + unit}, the netdev's name as created; the caller may have renamed it since. */
    public String interfaceName() {
        return "ppp" + unit;
    }

    /** PPPIOCSMRU. Only sizes decompression buffers; it filters nothing on receive (FACTS §4). */
    public void setMru(int mru) throws NativeException {
        Sys.ioctlInt(intFd(), PppIoctl.PPPIOCSMRU, mru, "PPPIOCSMRU " + mru + ", " + description());
    }

    /** Time since the last data packet each way (PPPIOCGIDLE, 64-bit), for idle timeouts. */
    public Idle idle() throws NativeException {
        byte[] struct = new byte[PppIoctl.IDLE_LENGTH];
        return PppIoctl.idle(Sys.ioctlStruct(intFd(), PppIoctl.PPPIOCGIDLE, struct, "PPPIOCGIDLE, " + description()));
    }

    /**
     * Lets packets of network protocol {@code protocol} (e.g. {@link #PROTOCOL_IP}) pass or drops them
     * both ways (PPPIOCSNPMODE PASS or DROP). Optional: the default is pass.
     */
    public void setNpMode(int protocol, boolean pass) throws NativeException {
        Sys.ioctlStruct(
                intFd(),
                PppIoctl.PPPIOCSNPMODE,
                PppIoctl.npioctl(protocol, pass ? PppIoctl.NPMODE_PASS : PppIoctl.NPMODE_DROP),
                "PPPIOCSNPMODE " + String.format("0x%04x", protocol) + (pass ? " pass, " : " drop, ") + description());
    }

    /** Whether packets of {@code protocol} pass (PPPIOCGNPMODE mode 0). */
    public boolean passes(int protocol) throws NativeException {
        byte[] struct = Sys.ioctlStruct(
                intFd(),
                PppIoctl.PPPIOCGNPMODE,
                PppIoctl.npioctl(protocol, 0),
                "PPPIOCGNPMODE " + String.format("0x%04x", protocol) + ", " + description());
        return PppIoctl.npMode(struct) == PppIoctl.NPMODE_PASS;
    }
}
