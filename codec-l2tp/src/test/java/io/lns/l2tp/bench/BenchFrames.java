package io.lns.l2tp.bench;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.RxConnectSpeed;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HexFormat;
import java.util.List;

/**
 * The datagrams the benchmarks decode and encode: real ones from an xl2tpd 1.3.18 LAC talking to
 * l2tpns 2.4.1 (shared capture {@code xl2tpd-lac_to_l2tpns_full-ppp.pcapng}, UDP payloads), and
 * messages that capture lacks, built with the codec.
 */
final class BenchFrames {
    private BenchFrames() {}

    /** Frame 1: SCCRQ from the xl2tpd LAC, 107 octets (host name "xl2tpd-lac", vendor "xelerance.com"). */
    static final String SCCRQ_HEX = "c802006b000000000000000080080000000000018008000000020100800a0000000300000003"
            + "800a00000004000000000008000000060690801000000007786c327470642d6c616300130000000878656c6572616e"
            + "63652e636f6d8008000000097aa480080000000a0008";

    /** Frame 4: ICRQ from the LAC, 48 octets (Assigned Session ID, Call Serial Number, Bearer Type). */
    static final String ICRQ_HEX =
            "c80200300002000000020001800800000000000a80080000000eaa3d800a0000000f00000001800a0000001200000000";

    /** Frame 5: ZLB acknowledgement from l2tpns, 12 octets. */
    static final String ZLB_HEX = "c802000c7aa4000000010002";

    /** Frame 9: data message from l2tpns (T=L=S=O=0, 6-octet header) carrying an LCP Configure-Request. */
    static final String DATA_PLAIN_HEX =
            "00027aa4aa3dff03c0210101001d010405b60304c02305066b0158d11104064e1307020a3ffffe";

    /** Frame 10: data message from xl2tpd (L=1, 8-octet header) carrying an LCP Configure-Request. */
    static final String DATA_LENGTH_HEX = "4002001a00020001ff03c021018f000e0104058205065e552f40";

    /** HELLO (not in the captures): Message Type AVP only, on the tunnel of the capture. */
    static ControlMessage hello() {
        return ControlMessage.of(L2tpHeader.control(31396, 0, 7, 3), ControlMessageType.HELLO, List.of());
    }

    /**
     * ICCN from a LAC that proxies LCP and CHAP (RFC 2661 §4.4.5), with only AVPs ICCN may carry:
     * Tx/Rx Connect Speed, Framing Type, the three LCP CONFREQ copies (options only, as the RFC
     * says) and the five Proxy Authen AVPs.
     */
    static ControlMessage iccnWithProxyLcp() {
        // Subscriber's CONFREQ: MRU 1492, magic 0x6b0158d1, PFC, ACFC.
        Octets received = Octets.ofHex("010405d405066b0158d107020802");
        // LAC's last CONFREQ: MRU 1492, Auth-Protocol CHAP MD5 (c223 05), magic 0x4e130702.
        Octets sent = Octets.ofHex("010405d40305c2230505064e130702");
        List<Avp> avps = List.of(
                Avp.of(new TxConnectSpeed(100_000_000L)),
                Avp.of(new FramingType(FramingType.SYNC)),
                Avp.of(new InitialReceivedLcpConfReq(received)),
                Avp.of(new LastSentLcpConfReq(sent)),
                Avp.of(new LastReceivedLcpConfReq(received)),
                Avp.of(new ProxyAuthenType(ProxyAvps.AUTHEN_PPP_CHAP)),
                Avp.of(new ProxyAuthenName("subscriber0042@isp.example.net")),
                Avp.of(new ProxyAuthenChallenge(Octets.ofHex("8f3c1e0a5b7d9c2e4f6a8b0c1d2e3f40"))),
                Avp.of(ProxyAuthenId.ofIdentifier(1)),
                Avp.of(new ProxyAuthenResponse(Octets.ofHex("d41d8cd98f00b204e9800998ecf8427e"))),
                Avp.of(new RxConnectSpeed(100_000_000L)));
        return ControlMessage.of(L2tpHeader.control(31396, 43581, 2, 2), ControlMessageType.ICCN, avps);
    }

    /** The wire octets of {@code message}. */
    static byte[] encode(ControlMessage message) {
        ByteBuf out = ByteBufAllocator.DEFAULT.heapBuffer();
        try {
            L2tpPacketEncoder.standard().encode(message, out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    /**
     * The allocator a datagram arrives in: {@code adaptive} is {@link ByteBufAllocator#DEFAULT},
     * what Netty 4.2's epoll datagram channel reads into unless configured otherwise; {@code pooled}
     * is the classic {@link PooledByteBufAllocator}. Both give direct buffers.
     */
    static ByteBufAllocator allocator(String name) {
        return switch (name) {
            case "adaptive" -> ByteBufAllocator.DEFAULT;
            case "pooled" -> PooledByteBufAllocator.DEFAULT;
            default -> throw new IllegalArgumentException("unknown allocator " + name);
        };
    }

    /** A direct buffer from {@code alloc} holding {@code bytes}, as the transport hands datagrams up. */
    static ByteBuf datagram(ByteBufAllocator alloc, byte[] bytes) {
        ByteBuf buf = alloc.directBuffer(2048);
        buf.writeBytes(bytes);
        return buf;
    }

    /** A direct buffer for the encoders to write into, reused across operations. */
    static ByteBuf outBuffer(ByteBufAllocator alloc) {
        return alloc.directBuffer(2048);
    }
}
