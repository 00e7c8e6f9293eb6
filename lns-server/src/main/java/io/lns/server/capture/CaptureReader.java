package io.lns.server.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Reads UDP datagrams from a pcap or pcapng capture file, streaming it.
 *
 * <pre>{@code
 * try (CaptureReader reader = CaptureReader.open(path, CaptureReader.port(1701))) {
 *     for (CaptureRecord r; (r = reader.next()) != null; ) {
 *         switch (r) {
 *             case CapturedDatagram d -> ...;
 *             case CaptureFrameError e -> ...;
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Formats: classic pcap (either byte order, microsecond or nanosecond timestamps) and pcapng (any
 * number of sections, per-interface link type and timestamp resolution; Enhanced, Simple and the
 * obsolete Packet Blocks; other blocks are skipped). Link types: Ethernet with 802.1Q/802.1ad tags,
 * Linux cooked (SLL, SLL2), raw IP, IPv4, IPv6, BSD null/loopback. IPv4 options and IPv6 extension
 * headers are handled; fragments are not reassembled.
 *
 * <p>{@link #next()} never throws for bad data: a frame that has UDP in it but cannot be decoded
 * comes back as a {@link CaptureFrameError}, and so does damage to the file (a truncated last
 * record, a corrupt length), after which the reader returns {@code null}.
 */
public final class CaptureReader implements AutoCloseable {
    /** The L2TP port (RFC 2661). */
    public static final int L2TP_PORT = 1701;

    /** Records or blocks longer than this (16 MiB) are taken as corruption. */
    public static final int MAX_BLOCK_LENGTH = FrameSource.MAX_BLOCK_LENGTH;

    /** The container format of a capture file. */
    public enum Format {
        PCAP,
        PCAPNG
    }

    private final Path file;
    private final CaptureInput input;
    private final FrameSource source;
    private final Format format;
    private final FrameDecoder decoder;
    private final Set<Integer> reportedLinkTypes = new HashSet<>();

    private CaptureReader(Path file, CaptureInput input, FrameSource source, Format format, IntPredicate filter) {
        this.file = file;
        this.input = input;
        this.source = source;
        this.format = format;
        this.decoder = new FrameDecoder(filter);
    }

    /** Opens a capture and yields every UDP datagram in it. */
    public static CaptureReader open(Path file) throws IOException, CaptureFormatException {
        return open(file, null);
    }

    /**
     * Opens a capture and yields the UDP datagrams whose source or destination port is accepted by
     * {@code portFilter} ({@code null} accepts all); see {@link #port(int)}.
     *
     * @throws CaptureFormatException if the file is neither pcap nor pcapng, or its file header or
     *     first section header is damaged
     */
    public static CaptureReader open(Path file, IntPredicate portFilter) throws IOException, CaptureFormatException {
        CaptureInput input = new CaptureInput(file);
        try {
            byte[] magic = new byte[4];
            int n = input.readUpTo(magic, 0, 4);
            if (n < 4) {
                throw new CaptureFormatException(
                        file, 0, "not a capture file: only " + n + " bytes long, too short for pcap or pcapng");
            }
            int value = Bytes.i32(magic, 0, true);
            CaptureReader reader;
            if (value == PcapngSource.SECTION_HEADER) {
                reader = new CaptureReader(file, input, new PcapngSource(input, file), Format.PCAPNG, portFilter);
            } else if (PcapSource.isMagic(value)) {
                reader = new CaptureReader(file, input, new PcapSource(input, file, value), Format.PCAP, portFilter);
            } else {
                throw new CaptureFormatException(
                        file, 0, String.format("not a pcap or pcapng file (starts with 0x%08x)", value));
            }
            return reader;
        } catch (IOException | CaptureFormatException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** A filter for {@link #open(Path, IntPredicate)}: UDP to or from {@code port}. */
    public static IntPredicate port(int port) {
        return p -> p == port;
    }

    public Path file() {
        return file;
    }

    public Format format() {
        return format;
    }

    /** Packet records/blocks read so far, whether or not they were returned. */
    public long frameCount() {
        return source.frameCount;
    }

    /**
     * The next datagram or frame error, or {@code null} at the end of the file (or after damage that
     * stops reading, which is reported first as a {@link CaptureFrameError}).
     *
     * @throws IOException only if reading the file fails
     */
    public CaptureRecord next() throws IOException {
        while (true) {
            switch (source.advance()) {
                case END -> {
                    return null;
                }
                case ERROR -> {
                    return new CaptureFrameError(source.frameNumber, source.timestamp, source.error);
                }
                case FRAME -> {
                    CaptureRecord record = decode();
                    if (record != null) {
                        return record;
                    }
                }
            }
        }
    }

    private CaptureRecord decode() {
        int linkType = source.linkType;
        if (!FrameDecoder.supports(linkType)) {
            if (reportedLinkTypes.add(linkType)) {
                return new CaptureFrameError(
                        source.frameNumber,
                        source.timestamp,
                        "link type " + linkType + " is not supported; frames of this type are skipped");
            }
            return null;
        }
        try {
            return decoder.decode(
                    source.frameNumber,
                    source.timestamp,
                    linkType,
                    source.data,
                    source.dataOffset,
                    source.capturedLength,
                    source.originalLength);
        } catch (RuntimeException e) {
            // A bug here must not stop an operator from reading the rest of the capture.
            return new CaptureFrameError(source.frameNumber, source.timestamp, "internal error decoding frame: " + e);
        }
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
