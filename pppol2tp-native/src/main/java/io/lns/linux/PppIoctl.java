package io.lns.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The PPP ioctl numbers (x86_64, unsigned 32-bit, kept in a long) and the structs they pass
 * (kernel/FACTS.md §3, §4), with pure encoders and decoders for the structs.
 */
final class PppIoctl {
    // On the PPPoL2TP socket.
    static final long PPPIOCGCHAN = 0x80047437L;
    static final long PPPIOCGL2TPSTATS = 0x80487436L;
    // On /dev/ppp fds.
    static final long PPPIOCATTCHAN = 0x40047438L;
    static final long PPPIOCNEWUNIT = 0xc004743eL;
    static final long PPPIOCCONNECT = 0x4004743aL;
    static final long PPPIOCDISCONN = 0x00007439L;
    static final long PPPIOCGUNIT = 0x80047456L;
    static final long PPPIOCSMRU = 0x40047452L;
    static final long PPPIOCSNPMODE = 0x4008744bL;
    static final long PPPIOCGNPMODE = 0xc008744cL;
    static final long PPPIOCGIDLE = 0x8010743fL;

    static final int L2TP_STATS_LENGTH = 72;
    static final int IDLE_LENGTH = 16;
    static final int NPIOCTL_LENGTH = 8;

    static final int NPMODE_PASS = 0;
    static final int NPMODE_DROP = 1;

    private PppIoctl() {}

    /**
     * {@code struct pppol2tp_ioc_stats}: u16 tunnel_id, u16 session_id, u32 using_ipsec:1, then eight
     * u64 counters from offset 8.
     */
    static L2tpStats l2tpStats(byte[] struct) {
        if (struct.length < L2TP_STATS_LENGTH) {
            throw new IllegalArgumentException("pppol2tp_ioc_stats is 72 bytes, got " + struct.length);
        }
        ByteBuffer in = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
        return new L2tpStats(
                in.getLong(8),
                in.getLong(16),
                in.getLong(24),
                in.getLong(32),
                in.getLong(40),
                in.getLong(48),
                in.getLong(56),
                in.getLong(64));
    }

    /** {@code struct ppp_idle64}: s64 xmit_idle, s64 recv_idle, in seconds. */
    static PppUnit.Idle idle(byte[] struct) {
        if (struct.length < IDLE_LENGTH) {
            throw new IllegalArgumentException("ppp_idle64 is 16 bytes, got " + struct.length);
        }
        ByteBuffer in = ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder());
        return new PppUnit.Idle(in.getLong(0), in.getLong(8));
    }

    /** {@code struct npioctl}: int protocol, int mode (NPMODE_PASS 0, NPMODE_DROP 1). */
    static byte[] npioctl(int protocol, int mode) {
        return ByteBuffer.allocate(NPIOCTL_LENGTH)
                .order(ByteOrder.nativeOrder())
                .putInt(protocol)
                .putInt(mode)
                .array();
    }

    /** The mode field of a {@code struct npioctl} the kernel filled in. */
    static int npMode(byte[] struct) {
        return ByteBuffer.wrap(struct).order(ByteOrder.nativeOrder()).getInt(4);
    }
}
