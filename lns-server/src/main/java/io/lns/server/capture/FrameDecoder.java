package io.lns.server.capture;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * Finds the UDP datagram in one captured frame: link layer, then IPv4 or IPv6, then UDP. Returns
 * null for frames that are not UDP or whose ports do not pass the filter. Every access is bounds
 * checked against the captured length; nothing here throws on bad input.
 */
final class FrameDecoder {
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int DLT_RAW_12 = 12;
    static final int DLT_RAW_14 = 14;
    static final int LINKTYPE_RAW = 101;
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;
    static final int LINKTYPE_LINUX_SLL2 = 276;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int ETHERTYPE_VLAN = 0x8100;
    private static final int ETHERTYPE_QINQ = 0x88a8;
    private static final int ETHERTYPE_QINQ_OLD = 0x9100;

    private static final int PROTO_HOP_BY_HOP = 0;
    private static final int PROTO_UDP = 17;
    private static final int PROTO_ROUTING = 43;
    private static final int PROTO_FRAGMENT = 44;
    private static final int PROTO_AH = 51;
    private static final int PROTO_DESTINATION_OPTIONS = 60;

    private static final int UDP_HEADER_LENGTH = 8;
    private static final int MAX_IPV6_HEADERS = 64;

    private final IntPredicate portFilter;

    // The frame being decoded.
    private long frameNumber;
    private Instant timestamp;
    private byte[] b;
    private int end;
    private int capturedLength;
    private long originalLength;

    /** @param portFilter accepts a datagram if it accepts its source or destination port; null: all */
    FrameDecoder(IntPredicate portFilter) {
        this.portFilter = portFilter;
    }

    static boolean supports(int linkType) {
        return switch (linkType) {
            case LINKTYPE_NULL,
                    LINKTYPE_ETHERNET,
                    DLT_RAW_12,
                    DLT_RAW_14,
                    LINKTYPE_RAW,
                    LINKTYPE_LOOP,
                    LINKTYPE_LINUX_SLL,
                    LINKTYPE_IPV4,
                    LINKTYPE_IPV6,
                    LINKTYPE_LINUX_SLL2 -> true;
            default -> false;
        };
    }

    CaptureRecord decode(long frame, Instant ts, int linkType, byte[] bytes, int offset, int captured, long original) {
        this.frameNumber = frame;
        this.timestamp = ts;
        this.b = bytes;
        this.end = offset + captured;
        this.capturedLength = captured;
        this.originalLength = original;
        int p = offset;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> {
                if (captured < 14) {
                    return null;
                }
                int etherType = Bytes.u16be(b, p + 12);
                p += 14;
                while (etherType == ETHERTYPE_VLAN || etherType == ETHERTYPE_QINQ || etherType == ETHERTYPE_QINQ_OLD) {
                    if (p + 4 > end) {
                        return null;
                    }
                    etherType = Bytes.u16be(b, p + 2);
                    p += 4;
                }
                return network(etherType, p);
            }
            case LINKTYPE_LINUX_SLL -> {
                return captured < 16 ? null : network(Bytes.u16be(b, p + 14), p + 16);
            }
            case LINKTYPE_LINUX_SLL2 -> {
                return captured < 20 ? null : network(Bytes.u16be(b, p), p + 20);
            }
            case LINKTYPE_RAW, DLT_RAW_12, DLT_RAW_14 -> {
                if (captured < 1) {
                    return null;
                }
                return switch (Bytes.u8(b, p) >> 4) {
                    case 4 -> ipv4(p);
                    case 6 -> ipv6(p);
                    default -> null;
                };
            }
            case LINKTYPE_IPV4 -> {
                return ipv4(p);
            }
            case LINKTYPE_IPV6 -> {
                return ipv6(p);
            }
            case LINKTYPE_NULL, LINKTYPE_LOOP -> {
                if (captured < 4) {
                    return null;
                }
                int family;
                if (linkType == LINKTYPE_LOOP) {
                    family = Bytes.i32(b, p, true);
                } else {
                    // Host byte order of the machine that captured, which the file does not record:
                    // families are small numbers, so a value with high bits set is byte-swapped.
                    family = Bytes.i32(b, p, false);
                    if ((family & 0xffff0000) != 0) {
                        family = Integer.reverseBytes(family);
                    }
                }
                return switch (family) {
                    case 2 -> ipv4(p + 4);
                    case 24, 28, 30 -> ipv6(p + 4); // AF_INET6 on NetBSD/OpenBSD, FreeBSD, macOS
                    default -> null;
                };
            }
            default -> {
                return null;
            }
        }
    }

    private CaptureRecord network(int etherType, int p) {
        return switch (etherType) {
            case ETHERTYPE_IPV4 -> ipv4(p);
            case ETHERTYPE_IPV6 -> ipv6(p);
            default -> null;
        };
    }

    private CaptureRecord ipv4(int p) {
        int available = end - p;
        if (available < 20) {
            return available >= 10 && Bytes.u8(b, p + 9) == PROTO_UDP && (Bytes.u8(b, p) >> 4) == 4
                    ? cutShort("IPv4 header")
                    : null;
        }
        if ((Bytes.u8(b, p) >> 4) != 4 || Bytes.u8(b, p + 9) != PROTO_UDP) {
            return null;
        }
        int fragment = Bytes.u16be(b, p + 6);
        if ((fragment & 0x1fff) != 0) {
            return null; // a later fragment: no UDP header in it
        }
        int headerLength = (Bytes.u8(b, p) & 0x0f) * 4;
        if (headerLength < 20) {
            return error("malformed IPv4 header: header length " + headerLength + " bytes");
        }
        if (headerLength > available) {
            return cutShort("IPv4 header");
        }
        int totalLength = Bytes.u16be(b, p + 2);
        if (totalLength < headerLength) {
            return error("malformed IPv4 header: total length " + totalLength + " is less than header length "
                    + headerLength);
        }
        byte[] source = Arrays.copyOfRange(b, p + 12, p + 16);
        byte[] destination = Arrays.copyOfRange(b, p + 16, p + 20);
        if ((fragment & 0x2000) != 0) {
            return fragmentError(p + headerLength, "IPv4 fragment, not reassembled");
        }
        return udp(p + headerLength, p + totalLength, source, destination);
    }

    private CaptureRecord ipv6(int p) {
        int available = end - p;
        if (available < 40) {
            return available >= 7 && Bytes.u8(b, p + 6) == PROTO_UDP && (Bytes.u8(b, p) >> 4) == 6
                    ? cutShort("IPv6 header")
                    : null;
        }
        if ((Bytes.u8(b, p) >> 4) != 6) {
            return null;
        }
        int payloadLength = Bytes.u16be(b, p + 4);
        int next = Bytes.u8(b, p + 6);
        byte[] source = Arrays.copyOfRange(b, p + 8, p + 24);
        byte[] destination = Arrays.copyOfRange(b, p + 24, p + 40);
        // Payload length 0 means a jumbogram (RFC 2675): the length is in a hop-by-hop option.
        int packetEnd = payloadLength == 0 ? end : p + 40 + payloadLength;
        int q = p + 40;
        // Each header is at least 8 bytes long; the count is a second guard against looping.
        for (int headers = 0; q <= end && headers < MAX_IPV6_HEADERS; headers++) {
            switch (next) {
                case PROTO_UDP -> {
                    return udp(q, packetEnd, source, destination);
                }
                case PROTO_HOP_BY_HOP, PROTO_ROUTING, PROTO_DESTINATION_OPTIONS, PROTO_AH -> {
                    if (q + 2 > end) {
                        return null;
                    }
                    int length = next == PROTO_AH ? (Bytes.u8(b, q + 1) + 2) * 4 : (Bytes.u8(b, q + 1) + 1) * 8;
                    next = Bytes.u8(b, q);
                    q += length;
                }
                case PROTO_FRAGMENT -> {
                    if (q + 8 > end) {
                        return null;
                    }
                    int following = Bytes.u8(b, q);
                    int offsetAndFlags = Bytes.u16be(b, q + 2);
                    if (offsetAndFlags >> 3 != 0) {
                        return null; // a later fragment: no UDP header in it
                    }
                    if ((offsetAndFlags & 1) == 0) {
                        // Atomic fragment (RFC 6946): the whole packet, carried in one piece.
                        next = following;
                        q += 8;
                    } else {
                        return following == PROTO_UDP ? fragmentError(q + 8, "IPv6 fragment, not reassembled") : null;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
        return next == PROTO_UDP ? cutShort("IPv6 extension header") : null;
    }

    private CaptureRecord udp(int p, int packetEnd, byte[] sourceAddress, byte[] destinationAddress) {
        int available = end - p;
        if (available < UDP_HEADER_LENGTH) {
            if (available >= 4 && !accepted(Bytes.u16be(b, p), Bytes.u16be(b, p + 2))) {
                return null;
            }
            return cutShort("UDP header");
        }
        int sourcePort = Bytes.u16be(b, p);
        int destinationPort = Bytes.u16be(b, p + 2);
        if (!accepted(sourcePort, destinationPort)) {
            return null;
        }
        int length = Bytes.u16be(b, p + 4);
        if (length < UDP_HEADER_LENGTH) {
            return error("malformed UDP header: length " + length);
        }
        if (p + length > packetEnd) {
            return error("malformed UDP header: length " + length + " exceeds the IP payload (" + (packetEnd - p)
                    + " bytes)");
        }
        if (p + length > end) {
            return cutShort("UDP datagram");
        }
        return new CapturedDatagram(
                frameNumber,
                timestamp,
                new InetSocketAddress(address(sourceAddress), sourcePort),
                new InetSocketAddress(address(destinationAddress), destinationPort),
                Arrays.copyOfRange(b, p + UDP_HEADER_LENGTH, p + length));
    }

    /** The first fragment of a UDP datagram; {@code p} is where its UDP header would be. */
    private CaptureRecord fragmentError(int p, String reason) {
        if (p + 4 <= end && !accepted(Bytes.u16be(b, p), Bytes.u16be(b, p + 2))) {
            return null;
        }
        return error(reason);
    }

    /** {@code what} runs past the end of the captured bytes. */
    private CaptureRecord cutShort(String what) {
        if (capturedLength < originalLength) {
            return error("truncated by snaplen: captured " + capturedLength + " of " + originalLength + " bytes");
        }
        return error("malformed frame: " + what + " runs past the end of the " + capturedLength + "-byte frame");
    }

    private CaptureRecord error(String reason) {
        return new CaptureFrameError(frameNumber, timestamp, reason);
    }

    private boolean accepted(int sourcePort, int destinationPort) {
        return portFilter == null || portFilter.test(sourcePort) || portFilter.test(destinationPort);
    }

    private static InetAddress address(byte[] raw) {
        try {
            return InetAddress.getByAddress(raw); // no name lookup
        } catch (UnknownHostException e) {
            throw new AssertionError("address of length " + raw.length, e);
        }
    }
}
