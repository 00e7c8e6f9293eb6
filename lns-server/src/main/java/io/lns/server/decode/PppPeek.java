package io.lns.server.decode;

import io.lns.ppp.frame.PppFrame;
import io.netty.buffer.ByteBuf;

/** Names the PPP protocol at the start of an L2TP data payload, for a human reading a capture. */
final class PppPeek {
    private PppPeek() {}

    static String describe(ByteBuf payload) {
        int protocol = PppFrame.readHeader(payload.duplicate());
        if (protocol < 0) return null;
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
