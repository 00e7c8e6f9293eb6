package io.lns.server.capture;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng: a sequence of blocks (type, total length, body, total length), grouped in sections that
 * each start with a Section Header Block fixing the byte order and numbering their own interfaces.
 */
final class PcapngSource extends FrameSource {
    static final int SECTION_HEADER = 0x0A0D0D0A;

    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int INTERFACE_DESCRIPTION = 1;
    private static final int PACKET = 2; // obsolete, still written by old tools
    private static final int SIMPLE_PACKET = 3;
    private static final int ENHANCED_PACKET = 6;

    private static final int OPTION_END = 0;
    private static final int IF_TSRESOL = 9;
    private static final int IF_TSOFFSET = 14;

    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);
    private static final long[] POWERS_OF_TEN = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    /** What an Interface Description Block says; {@code valid} is false if the block was too short. */
    private record Interface(boolean valid, int linkType, long snapLength, int tsresol, long tsoffset) {
        Instant timestamp(long ticks) {
            return PcapngSource.timestamp(ticks, tsresol, tsoffset);
        }
    }

    private final CaptureInput in;
    private final List<Interface> interfaces = new ArrayList<>();
    private final byte[] head = new byte[12];
    private boolean bigEndian;
    private long problemOffset;

    /** Reads the first Section Header Block; its four type bytes have been consumed already. */
    PcapngSource(CaptureInput in, Path file) throws IOException, CaptureFormatException {
        this.in = in;
        int n = in.readUpTo(head, 4, 4);
        if (n < 4) {
            throw new CaptureFormatException(file, in.position(), "pcapng section header block cut short");
        }
        String problem = readSectionHeader(0);
        if (problem != null) {
            throw new CaptureFormatException(file, problemOffset, problem);
        }
    }

    @Override
    Step advance() throws IOException {
        while (!finished) {
            long offset = in.position();
            int n = in.readUpTo(head, 0, 8);
            if (n == 0) {
                finished = true;
                return Step.END;
            }
            if (n < 8) {
                return fatal(
                        "truncated file: block header at byte offset " + offset + " has only " + n + " of 8 bytes");
            }
            int type = Bytes.i32(head, 0, bigEndian);
            if (type == SECTION_HEADER) {
                String problem = readSectionHeader(offset);
                if (problem != null) {
                    return fatal(problem + " (at byte offset " + problemOffset + ")");
                }
                continue;
            }
            long length = Bytes.u32(head, 4, bigEndian);
            String what = describe(type, offset);
            if (length < 12 || length % 4 != 0) {
                return fatal(what + " has an invalid length " + length + "; file is corrupt, stopping");
            }
            if (length > MAX_BLOCK_LENGTH) {
                return fatal(what + " claims " + length + " bytes, more than the " + MAX_BLOCK_LENGTH
                        + "-byte limit; file is corrupt, stopping");
            }
            boolean packet = type == ENHANCED_PACKET || type == SIMPLE_PACKET || type == PACKET;
            int bodyLength = (int) length - 12;
            int trailer;
            if (packet || type == INTERFACE_DESCRIPTION) {
                ensureCapacity(bodyLength + 4);
                n = in.readUpTo(data, 0, bodyLength + 4);
                if (n < bodyLength + 4) {
                    return fatal(truncated(what, length, 8 + n));
                }
                trailer = Bytes.i32(data, bodyLength, bigEndian);
            } else {
                long skipped = in.skipUpTo(bodyLength);
                n = skipped < bodyLength ? 0 : in.readUpTo(head, 8, 4);
                if (n < 4) {
                    return fatal(truncated(what, length, 8 + skipped + n));
                }
                trailer = Bytes.i32(head, 8, bigEndian);
            }
            if ((trailer & 0xffffffffL) != length) {
                return fatal(what + ": trailing length " + (trailer & 0xffffffffL) + " does not match leading length "
                        + length + "; file is corrupt, stopping");
            }
            switch (type) {
                case INTERFACE_DESCRIPTION -> interfaces.add(parseInterface(bodyLength));
                case ENHANCED_PACKET, PACKET -> {
                    return packetBlock(type, offset, bodyLength);
                }
                case SIMPLE_PACKET -> {
                    return simplePacketBlock(offset, bodyLength);
                }
                default -> {
                    // Name resolution, statistics, decryption secrets, custom blocks...: not needed.
                }
            }
        }
        return Step.END;
    }

    private static String describe(int type, long offset) {
        String name = switch (type) {
            case INTERFACE_DESCRIPTION -> "interface description block";
            case ENHANCED_PACKET -> "enhanced packet block";
            case SIMPLE_PACKET -> "simple packet block";
            case PACKET -> "packet block";
            default -> String.format("block of type 0x%08x", type);
        };
        return name + " at byte offset " + offset;
    }

    private static String truncated(String what, long length, long present) {
        return "truncated file: " + what + " declares " + length + " bytes, only " + present + " present";
    }

    /**
     * Reads a Section Header Block whose type and length fields are in {@code head[0..8)}; returns
     * null on success, else the problem (and sets {@link #problemOffset}).
     */
    private String readSectionHeader(long offset) throws IOException {
        problemOffset = offset;
        int n = in.readUpTo(head, 8, 4);
        if (n < 4) {
            return "truncated file: section header block cut short";
        }
        int magic = Bytes.i32(head, 8, true);
        boolean big;
        if (magic == BYTE_ORDER_MAGIC) {
            big = true;
        } else if (magic == Integer.reverseBytes(BYTE_ORDER_MAGIC)) {
            big = false;
        } else {
            problemOffset = offset + 8;
            return String.format("section header block has a bad byte-order magic 0x%08x", magic);
        }
        long length = Bytes.u32(head, 4, big);
        if (length < 28 || length % 4 != 0 || length > MAX_BLOCK_LENGTH) {
            problemOffset = offset + 4;
            return "section header block has an invalid length " + length;
        }
        int rest = (int) length - 12;
        ensureCapacity(rest);
        n = in.readUpTo(data, 0, rest);
        if (n < rest) {
            return "truncated file: section header block declares " + length + " bytes, only " + (12 + n) + " present";
        }
        long trailer = Bytes.u32(data, rest - 4, big);
        if (trailer != length) {
            problemOffset = offset + length - 4;
            return "section header block: trailing length " + trailer + " does not match leading length " + length;
        }
        int major = Bytes.u16(data, 0, big);
        int minor = Bytes.u16(data, 2, big);
        if (major != 1) {
            problemOffset = offset + 12;
            return "unsupported pcapng version " + major + "." + minor;
        }
        bigEndian = big;
        interfaces.clear();
        return null;
    }

    private Interface parseInterface(int bodyLength) {
        if (bodyLength < 8) {
            return new Interface(false, -1, 0, 6, 0);
        }
        int type = Bytes.u16(data, 0, bigEndian);
        long snapLength = Bytes.u32(data, 4, bigEndian);
        int tsresol = 6;
        long tsoffset = 0;
        int p = 8;
        while (p + 4 <= bodyLength) {
            int code = Bytes.u16(data, p, bigEndian);
            int length = Bytes.u16(data, p + 2, bigEndian);
            if (code == OPTION_END || p + 4 + length > bodyLength) {
                break;
            }
            if (code == IF_TSRESOL && length >= 1) {
                tsresol = Bytes.u8(data, p + 4);
            } else if (code == IF_TSOFFSET && length >= 8) {
                tsoffset = Bytes.i64(data, p + 4, bigEndian);
            }
            p += 4 + ((length + 3) & ~3);
        }
        return new Interface(true, type, snapLength, tsresol, tsoffset);
    }

    private Step packetBlock(int type, long offset, int bodyLength) {
        long frame = ++frameCount;
        String what = describe(type, offset);
        if (bodyLength < 20) {
            return frameError(frame, null, what + " is too short (" + bodyLength + "-byte body)");
        }
        long interfaceId = type == ENHANCED_PACKET ? Bytes.u32(data, 0, bigEndian) : Bytes.u16(data, 0, bigEndian);
        if (interfaceId >= interfaces.size()) {
            return frameError(
                    frame,
                    null,
                    what + " refers to interface " + interfaceId + ", but the section describes " + interfaces.size());
        }
        Interface itf = interfaces.get((int) interfaceId);
        long ticks = (Bytes.u32(data, 4, bigEndian) << 32) | Bytes.u32(data, 8, bigEndian);
        Instant ts = itf.timestamp(ticks);
        if (!itf.valid()) {
            return frameError(frame, ts, "interface " + interfaceId + " has a malformed description block");
        }
        long captured = Bytes.u32(data, 12, bigEndian);
        if (captured > bodyLength - 20) {
            return frameError(
                    frame,
                    ts,
                    what + ": captured length " + captured + " runs past the end of the block (" + (bodyLength - 20)
                            + " bytes of data)");
        }
        return frame(frame, ts, itf, 20, (int) captured, Bytes.u32(data, 16, bigEndian));
    }

    private Step simplePacketBlock(long offset, int bodyLength) {
        long frame = ++frameCount;
        if (bodyLength < 4) {
            return frameError(frame, null, describe(SIMPLE_PACKET, offset) + " is too short");
        }
        if (interfaces.isEmpty()) {
            return frameError(frame, null, describe(SIMPLE_PACKET, offset) + " but the section describes no interface");
        }
        Interface itf = interfaces.get(0);
        if (!itf.valid()) {
            return frameError(frame, null, "interface 0 has a malformed description block");
        }
        long original = Bytes.u32(data, 0, bigEndian);
        long captured = Math.min(original, bodyLength - 4);
        if (itf.snapLength() > 0) {
            captured = Math.min(captured, itf.snapLength());
        }
        return frame(frame, null, itf, 4, (int) captured, original);
    }

    private Step frame(long frame, Instant ts, Interface itf, int offset, int captured, long original) {
        frameNumber = frame;
        timestamp = ts;
        linkType = itf.linkType();
        dataOffset = offset;
        capturedLength = captured;
        originalLength = original;
        return Step.FRAME;
    }

    /**
     * Converts a pcapng timestamp (an unsigned count of units of 10^-n or 2^-n seconds, per
     * if_tsresol, plus if_tsoffset seconds) to an Instant; null if it is out of Instant's range.
     */
    static Instant timestamp(long ticks, int tsresol, long tsoffset) {
        boolean binary = (tsresol & 0x80) != 0;
        int exponent = tsresol & 0x7f;
        if (!binary && exponent >= 3 && exponent <= 9 && ticks >= 0 && tsoffset == 0) {
            long unit = POWERS_OF_TEN[exponent];
            return Instant.ofEpochSecond(ticks / unit, (ticks % unit) * POWERS_OF_TEN[9 - exponent]);
        }
        BigInteger t = new BigInteger(Long.toUnsignedString(ticks));
        BigInteger nanos;
        if (binary) {
            nanos = t.multiply(NANOS_PER_SECOND).shiftRight(exponent);
        } else if (exponent <= 9) {
            nanos = t.multiply(BigInteger.TEN.pow(9 - exponent));
        } else {
            nanos = t.divide(BigInteger.TEN.pow(exponent - 9));
        }
        nanos = nanos.add(BigInteger.valueOf(tsoffset).multiply(NANOS_PER_SECOND));
        BigInteger[] qr = nanos.divideAndRemainder(NANOS_PER_SECOND);
        BigInteger seconds = qr[0];
        BigInteger rest = qr[1];
        if (rest.signum() < 0) {
            seconds = seconds.subtract(BigInteger.ONE);
            rest = rest.add(NANOS_PER_SECOND);
        }
        if (seconds.compareTo(BigInteger.valueOf(Instant.MIN.getEpochSecond())) < 0
                || seconds.compareTo(BigInteger.valueOf(Instant.MAX.getEpochSecond())) > 0) {
            return null;
        }
        return Instant.ofEpochSecond(seconds.longValue(), rest.longValue());
    }
}
