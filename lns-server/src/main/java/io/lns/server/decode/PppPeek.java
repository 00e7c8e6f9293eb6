package io.lns.server.decode;

import io.netty.buffer.ByteBuf;

/** Names the PPP protocol at the start of an L2TP data payload, for a human reading a capture. */
final class PppPeek {
    private PppPeek() {}

    static String describe(ByteBuf payload) {
        int i = payload.readerIndex();
        int n = payload.readableBytes();
        // Address/control 0xff03 may be absent (ACFC); a protocol field may be compressed (PFC).
        if (n >= 2 && payload.getUnsignedShort(i) == 0xFF03) {
            i += 2;
            n -= 2;
        }
        if (n < 1) return null;
        int protocol;
        if ((payload.getUnsignedByte(i) & 1) == 1) {
            protocol = payload.getUnsignedByte(i);
        } else if (n >= 2) {
            protocol = payload.getUnsignedShort(i);
        } else {
            return null;
        }
        String name = switch (protocol) {
            case 0xC021 -> "LCP";
            case 0xC023 -> "PAP";
            case 0xC223 -> "CHAP";
            case 0x8021 -> "IPCP";
            case 0x8057 -> "IPv6CP";
            case 0x80FD -> "CCP";
            case 0x0021 -> "IPv4";
            case 0x0057 -> "IPv6";
            default -> null;
        };
        return "PPP " + (name != null ? name : String.format("protocol 0x%04x", protocol));
    }
}
