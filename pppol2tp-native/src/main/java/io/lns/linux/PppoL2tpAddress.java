package io.lns.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The packed {@code sockaddr_pppol2tp} (38 bytes, L2TPv2 over IPv4) and {@code sockaddr_pppol2tpin6}
 * (50 bytes, over IPv6) that connect a PPPoL2TP socket to a kernel session (kernel/FACTS.md §3). The
 * kernel picks the variant by length. Ids are host order; the embedded IP address is left zero
 * because 6.1 never reads it when the tunnel exists. Pure, so tests compare exact bytes.
 *
 * <p>The fd field is -1: it is read only when the connect creates the tunnel (both session ids 0),
 * which lns never asks for, so a wrong call fails with EBADF instead of adopting some other fd.
 */
final class PppoL2tpAddress {
    static final int AF_PPPOX = 24;
    static final int PX_PROTO_OL2TP = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IPV4_LENGTH = 38;
    static final int IPV6_LENGTH = 50;
    private static final int NO_FD = -1;

    private PppoL2tpAddress() {}

    static byte[] ipv4(int tunnelId, int sessionId, int peerTunnelId, int peerSessionId) {
        ByteBuffer out = header(IPV4_LENGTH);
        out.putShort(14, (short) AF_INET); // sin_family; port, address and zero padding stay 0
        putIds(out, 30, tunnelId, sessionId, peerTunnelId, peerSessionId);
        return out.array();
    }

    static byte[] ipv6(int tunnelId, int sessionId, int peerTunnelId, int peerSessionId) {
        ByteBuffer out = header(IPV6_LENGTH);
        putIds(out, 14, tunnelId, sessionId, peerTunnelId, peerSessionId); // ids before the address here
        out.putShort(22, (short) AF_INET6); // sin6_family; the rest of sockaddr_in6 stays 0
        return out.array();
    }

    private static ByteBuffer header(int length) {
        ByteBuffer out = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        out.putShort(0, (short) AF_PPPOX);
        out.putInt(2, PX_PROTO_OL2TP);
        out.putInt(6, 0); // pid: unused by 6.1
        out.putInt(10, NO_FD);
        return out;
    }

    private static void putIds(
            ByteBuffer out, int offset, int tunnelId, int sessionId, int peerTunnelId, int peerSessionId) {
        L2tpGenlMessages.checkId("tunnel id", tunnelId);
        L2tpGenlMessages.checkId("session id", sessionId);
        L2tpGenlMessages.checkId("peer tunnel id", peerTunnelId);
        L2tpGenlMessages.checkId("peer session id", peerSessionId);
        out.putShort(offset, (short) tunnelId);
        out.putShort(offset + 2, (short) sessionId);
        out.putShort(offset + 4, (short) peerTunnelId);
        out.putShort(offset + 6, (short) peerSessionId);
    }
}
