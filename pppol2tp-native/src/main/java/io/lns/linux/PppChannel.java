package io.lns.linux;

/**
 * A {@code /dev/ppp} fd attached to a PPP channel (PPPIOCATTCHAN), here the channel of a {@link
 * PppoL2tpSocket}. LCP, authentication and every protocol from 0xc000 up are read and written here
 * for the session's whole life; before {@link #connect} every protocol comes here (kernel/FACTS.md §5).
 *
 * <p>Closing it only drops this handle; the channel lives as long as its PPPoL2TP socket. When that
 * socket closes, {@link #read} returns -1.
 */
public final class PppChannel extends PppFd {
    private final int channelIndex;

    private PppChannel(int fd, int channelIndex) {
        super(fd, "ppp channel " + channelIndex);
        this.channelIndex = channelIndex;
    }

    /**
     * Opens {@code /dev/ppp} (O_RDWR | O_NONBLOCK | O_CLOEXEC) and attaches it to channel {@code
     * channelIndex} from {@link PppoL2tpSocket#channelIndex()}. The channel is looked up in the calling
     * thread's network namespace.
     *
     * @throws NativeException ENOENT/ENODEV on /dev/ppp without ppp_generic; ENXIO for an unknown channel
     */
    public static PppChannel attach(int channelIndex) throws NativeException {
        int fd = openDevPpp();
        try {
            Sys.ioctlInt(fd, PppIoctl.PPPIOCATTCHAN, channelIndex, "PPPIOCATTCHAN, channel " + channelIndex);
            return new PppChannel(fd, channelIndex);
        } catch (NativeException | RuntimeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    public int channelIndex() {
        return channelIndex;
    }

    /**
     * Connects the channel to unit {@code unit} (PPPIOCCONNECT): network packets then flow through the
     * unit's netdev in the kernel, and NCP frames arrive on the unit's fd instead of here.
     *
     * @throws NativeException ENXIO for an unknown unit (looked up in the channel's namespace), EINVAL
     *     when this channel is already connected
     */
    public void connect(int unit) throws NativeException {
        Sys.ioctlInt(intFd(), PppIoctl.PPPIOCCONNECT, unit, "PPPIOCCONNECT, " + description() + " to unit " + unit);
    }

    /** Disconnects the channel from its unit (PPPIOCDISCONN); EINVAL when it is not connected. */
    public void disconnect() throws NativeException {
        Sys.ioctlNoArgument(intFd(), PppIoctl.PPPIOCDISCONN, "PPPIOCDISCONN, " + description());
    }
}
