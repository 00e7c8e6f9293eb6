package io.lns.server.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** Classic libpcap format: a 24-byte file header, then 16-byte record headers each followed by data. */
final class PcapSource extends FrameSource {
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    static final int MAGIC_NANOS = 0xa1b23c4d;

    private static final int FILE_HEADER_LENGTH = 24;
    private static final int RECORD_HEADER_LENGTH = 16;

    private final CaptureInput in;
    private final boolean bigEndian;
    private final boolean nanoseconds;
    private final int fileLinkType;
    private final byte[] header = new byte[FILE_HEADER_LENGTH];

    /** Whether the first four bytes of a file, read big-endian, are a pcap magic number. */
    static boolean isMagic(int magic) {
        return magic == MAGIC_MICROS
                || magic == MAGIC_NANOS
                || magic == Integer.reverseBytes(MAGIC_MICROS)
                || magic == Integer.reverseBytes(MAGIC_NANOS);
    }

    /** Reads the rest of the file header; the four magic bytes have been consumed already. */
    PcapSource(CaptureInput in, Path file, int magic) throws IOException, CaptureFormatException {
        this.in = in;
        this.bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        this.nanoseconds = magic == MAGIC_NANOS || magic == Integer.reverseBytes(MAGIC_NANOS);
        int n = in.readUpTo(header, 4, FILE_HEADER_LENGTH - 4);
        if (n < FILE_HEADER_LENGTH - 4) {
            throw new CaptureFormatException(
                    file, in.position(), "pcap file header cut short: " + (4 + n) + " of 24 bytes");
        }
        int major = Bytes.u16(header, 4, bigEndian);
        int minor = Bytes.u16(header, 6, bigEndian);
        if (major != 2) {
            throw new CaptureFormatException(file, 4, "unsupported pcap version " + major + "." + minor);
        }
        // The low 16 bits are the link type; the high bits may carry FCS information.
        this.fileLinkType = Bytes.i32(header, 20, bigEndian) & 0xffff;
    }

    @Override
    Step advance() throws IOException {
        if (finished) {
            return Step.END;
        }
        long offset = in.position();
        int n = in.readUpTo(header, 0, RECORD_HEADER_LENGTH);
        if (n == 0) {
            finished = true;
            return Step.END;
        }
        if (n < RECORD_HEADER_LENGTH) {
            return fatal("truncated file: record header at byte offset " + offset + " has only " + n + " of "
                    + RECORD_HEADER_LENGTH + " bytes");
        }
        long frame = ++frameCount;
        long seconds = Bytes.u32(header, 0, bigEndian);
        long fraction = Bytes.u32(header, 4, bigEndian);
        Instant ts = Instant.ofEpochSecond(seconds, nanoseconds ? fraction : fraction * 1000);
        long included = Bytes.u32(header, 8, bigEndian);
        long original = Bytes.u32(header, 12, bigEndian);
        if (included > MAX_BLOCK_LENGTH) {
            return fatal(
                    frame,
                    ts,
                    "record at byte offset " + offset + " claims " + included + " captured bytes, more than the "
                            + MAX_BLOCK_LENGTH + "-byte limit; file is corrupt, stopping");
        }
        int length = (int) included;
        ensureCapacity(length);
        n = in.readUpTo(data, 0, length);
        if (n < length) {
            return fatal(
                    frame,
                    ts,
                    "truncated file: record at byte offset " + offset + " declares " + length
                            + " bytes of packet data, only " + n + " present");
        }
        frameNumber = frame;
        timestamp = ts;
        linkType = fileLinkType;
        dataOffset = 0;
        capturedLength = length;
        originalLength = original;
        return Step.FRAME;
    }
}
