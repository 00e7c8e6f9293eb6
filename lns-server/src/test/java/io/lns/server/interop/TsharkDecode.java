package io.lns.server.interop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Wireshark says about the L2TP frames of one capture: a parser of {@code tshark -V} text output, so codec tests
 * can compare our decoding of the {@code .pcapng} bytes with Wireshark's independent dissector.
 *
 * <p>Only frames with a {@code Layer 2 Tunneling Protocol} section are kept. For each one the outer IP/UDP addressing
 * (the last IP and UDP sections <em>before</em> the L2TP section, so the inner IP/UDP carried in PPP is ignored), the
 * L2TP header as printed, and for control messages the AVPs in order, each with its header fields and the remaining
 * lines as (label, value) pairs with indentation stripped and nested subtrees flattened in order.
 *
 * <p>The parser is strict: an L2TP header line or AVP header line it does not know makes it throw, naming the file and
 * line, so a new capture cannot silently lose fields.
 */
public record TsharkDecode(String source, List<L2tpFrame> frames) {

    /** The heading tshark prints for the L2TP section of a frame. */
    public static final String L2TP_SECTION = "Layer 2 Tunneling Protocol";

    /** Classpath folder holding the captures and their decodes. */
    public static final String RESOURCE_FOLDER = "captures/";

    public TsharkDecode {
        Objects.requireNonNull(source, "source");
        frames = List.copyOf(frames);
    }

    /** One printed line: label and value as tshark prints them, after stripping indentation. */
    public record Field(String label, String value, int depth, String bits, boolean generated) {
        public Field {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(bits, "bits");
        }

        /** Whether this line is a bit-field line ({@code .... ..1. = Label: Value}). */
        public boolean isBitField() {
            return !bits.isEmpty();
        }

        /** The value of the bits shown in a bit-field line ({@code ..1.} gives 1, {@code ..00 0000 1000} gives 8). */
        public long bitValue() {
            if (bits.isEmpty()) {
                throw new IllegalStateException("not a bit-field line: " + this);
            }
            String digits = bits.replaceAll("[^01]", "");
            return Long.parseLong(digits, 2);
        }

        @Override
        public String toString() {
            return "  ".repeat(depth)
                    + (bits.isEmpty() ? "" : bits + " = ")
                    + label
                    + (value.isEmpty() ? "" : ": ")
                    + value;
        }
    }

    /** The L2TP header as tshark prints it. */
    public record Header(
            String flags,
            int type,
            boolean lengthBit,
            boolean sequenceBit,
            boolean offsetBit,
            boolean priority,
            int version,
            OptionalInt length,
            int tunnelId,
            int sessionId,
            OptionalInt ns,
            OptionalInt nr,
            OptionalInt offsetSize) {

        public boolean isControl() {
            return type == 1;
        }

        /** Header length in bytes implied by the flag bits and offset size (RFC 2661 §3.1). */
        public int headerLength() {
            return 6 + (lengthBit ? 2 : 0) + (sequenceBit ? 4 : 0) + (offsetBit ? 2 + offsetSize.orElse(0) : 0);
        }
    }

    /** A control message's type, from the {@code Message Type:} line of its first AVP. */
    public record MessageType(int code, String name) {}

    /** One AVP: its heading, the five AVP header fields, and all remaining lines in order. */
    public record Avp(
            String heading,
            boolean mandatory,
            boolean hidden,
            int length,
            int vendorId,
            int type,
            String typeName,
            List<Field> values) {

        public Avp {
            values = List.copyOf(values);
        }

        /** The first value printed under {@code label}, at any depth. */
        public Optional<String> find(String label) {
            return values.stream()
                    .filter(f -> f.label().equals(label))
                    .map(Field::value)
                    .findFirst();
        }

        /** The first value printed under {@code label}; throws if there is none. */
        public String value(String label) {
            return find(label)
                    .orElseThrow(
                            () -> new IllegalArgumentException("no '" + label + "' in " + heading + ": " + values));
        }

        /** Every value printed under {@code label}, in order. */
        public List<String> valuesOf(String label) {
            return values.stream()
                    .filter(f -> f.label().equals(label))
                    .map(Field::value)
                    .toList();
        }

        /** The labels of all value lines, in order. */
        public List<String> labels() {
            return values.stream().map(Field::label).toList();
        }
    }

    /** One frame carrying L2TP. */
    public record L2tpFrame(
            int number,
            String epochTime,
            String ipSrc,
            String ipDst,
            int udpSrcPort,
            int udpDstPort,
            OptionalInt udpPayloadLength,
            Header header,
            boolean zeroLengthBody,
            List<Avp> avps,
            Optional<MessageType> messageType,
            OptionalInt payloadLength) {

        public L2tpFrame {
            avps = List.copyOf(avps);
        }

        public boolean isControl() {
            return header.isControl();
        }

        /** A control message without AVPs. */
        public boolean isZlb() {
            return header.isControl() && avps.isEmpty();
        }

        /** The AVP headings, in order. */
        public List<String> avpHeadings() {
            return avps.stream().map(Avp::heading).toList();
        }

        /** The first AVP of the given type number. */
        public Optional<Avp> avp(int type) {
            return avps.stream().filter(a -> a.type() == type).findFirst();
        }

        /** The first AVP with the given heading (e.g. {@code "Host Name AVP"}). */
        public Optional<Avp> avp(String heading) {
            return avps.stream().filter(a -> a.heading().equals(heading)).findFirst();
        }
    }

    /** The frame with the given frame number. */
    public L2tpFrame frame(int number) {
        return frames.stream()
                .filter(f -> f.number() == number)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no L2TP frame " + number + " in " + source));
    }

    /** Control messages only. */
    public List<L2tpFrame> controlFrames() {
        return frames.stream().filter(L2tpFrame::isControl).toList();
    }

    /** Data messages only. */
    public List<L2tpFrame> dataFrames() {
        return frames.stream().filter(f -> !f.isControl()).toList();
    }

    /** Loads {@code captures/<name>.decode.txt} from the test classpath. */
    public static TsharkDecode load(String captureName) {
        String resource = RESOURCE_FOLDER + captureName + ".decode.txt";
        return parse(resource, new String(resourceBytes(resource), StandardCharsets.UTF_8));
    }

    /** The bytes of {@code captures/<name>.pcapng} from the test classpath. */
    public static byte[] pcapng(String captureName) {
        return resourceBytes(RESOURCE_FOLDER + captureName + ".pcapng");
    }

    /** Parses a decode file. */
    public static TsharkDecode parse(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses {@code tshark -V} text; {@code source} names it in error messages. */
    public static TsharkDecode parse(String source, String text) {
        return new TsharkTextParser(source, text.lines().toList()).parse();
    }

    private static byte[] resourceBytes(String resource) {
        try (InputStream in = TsharkDecode.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
