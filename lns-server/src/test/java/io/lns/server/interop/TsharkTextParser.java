package io.lns.server.interop;

import io.lns.server.interop.TsharkDecode.Avp;
import io.lns.server.interop.TsharkDecode.Field;
import io.lns.server.interop.TsharkDecode.Header;
import io.lns.server.interop.TsharkDecode.L2tpFrame;
import io.lns.server.interop.TsharkDecode.MessageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code tshark -V} text into {@link TsharkDecode} values. tshark prints one column-0 heading per protocol layer
 * and indents each subtree level by four spaces; a frame starts at a {@code Frame N:} heading.
 */
final class TsharkTextParser {

    private static final Pattern FRAME_HEADING = Pattern.compile("^Frame (\\d+): .*");
    private static final Pattern IP_HEADING =
            Pattern.compile("^Internet Protocol Version \\d+, Src: (\\S+), Dst: (\\S+)$");
    private static final Pattern UDP_HEADING =
            Pattern.compile("^User Datagram Protocol, Src Port: (\\d+), Dst Port: (\\d+)$");
    private static final Pattern UDP_PAYLOAD = Pattern.compile("^UDP payload \\((\\d+) bytes?\\)$");
    private static final Pattern EPOCH_TIME = Pattern.compile("^(\\d+\\.\\d+) seconds$");
    private static final Pattern BITS = Pattern.compile("^([01.]{4}(?: [01.]{4})*) = (.*)$");
    private static final Pattern NAME_AND_CODE = Pattern.compile("^(.*) \\((\\d+)\\)$");
    private static final String ZERO_LENGTH_BODY = "Zero Length Body message";

    /** One indented line of a section, with depth 0 for the section heading. */
    private record Line(int number, int depth, String text) {}

    /** A column-0 heading and the indented lines under it. */
    private record Section(Line heading, List<Line> body) {}

    private final String source;
    private final List<String> lines;

    TsharkTextParser(String source, List<String> lines) {
        this.source = source;
        this.lines = lines;
    }

    TsharkDecode parse() {
        List<L2tpFrame> frames = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (FRAME_HEADING.matcher(lines.get(i)).matches()) {
                if (start >= 0) {
                    frame(start, i).ifPresent(frames::add);
                }
                start = i;
            }
        }
        if (start >= 0) {
            frame(start, lines.size()).ifPresent(frames::add);
        }
        return new TsharkDecode(source, frames);
    }

    private Optional<L2tpFrame> frame(int from, int to) {
        List<Section> sections = sections(from, to);
        int l2tpIndex = -1;
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).heading().text().equals(TsharkDecode.L2TP_SECTION)) {
                l2tpIndex = i;
                break;
            }
        }
        if (l2tpIndex < 0) {
            return Optional.empty();
        }
        Section frameSection = sections.get(0);
        int number = Integer.parseInt(field(frameSection, "Frame Number"));
        Matcher epoch = EPOCH_TIME.matcher(field(frameSection, "Epoch Time"));
        if (!epoch.matches()) {
            throw error(frameSection.heading(), "unexpected Epoch Time");
        }

        Matcher ip = null;
        Matcher udp = null;
        Section udpSection = null;
        for (Section s : sections.subList(0, l2tpIndex)) {
            Matcher m = IP_HEADING.matcher(s.heading().text());
            if (m.matches()) {
                ip = m;
            }
            m = UDP_HEADING.matcher(s.heading().text());
            if (m.matches()) {
                udp = m;
                udpSection = s;
            }
        }
        Line l2tpHeading = sections.get(l2tpIndex).heading();
        if (ip == null || udp == null) {
            throw error(l2tpHeading, "no IP or UDP section before the L2TP section");
        }
        OptionalInt udpPayload = OptionalInt.empty();
        for (Line line : udpSection.body()) {
            Matcher m = UDP_PAYLOAD.matcher(line.text());
            if (line.depth() == 1 && m.matches()) {
                udpPayload = OptionalInt.of(Integer.parseInt(m.group(1)));
            }
        }
        return Optional.of(l2tp(
                number,
                epoch.group(1),
                ip.group(1),
                ip.group(2),
                Integer.parseInt(udp.group(1)),
                Integer.parseInt(udp.group(2)),
                udpPayload,
                sections.get(l2tpIndex)));
    }

    private List<Section> sections(int from, int to) {
        List<Section> sections = new ArrayList<>();
        Line heading = null;
        List<Line> body = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String raw = lines.get(i);
            if (raw.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < raw.length() && raw.charAt(indent) == ' ') {
                indent++;
            }
            if (indent == 0) {
                if (heading != null) {
                    sections.add(new Section(heading, List.copyOf(body)));
                }
                heading = new Line(i + 1, 0, raw);
                body = new ArrayList<>();
            } else {
                if (indent % 4 != 0) {
                    throw error(new Line(i + 1, 0, raw), "indentation is not a multiple of 4");
                }
                body.add(new Line(i + 1, indent / 4, raw.substring(indent)));
            }
        }
        if (heading != null) {
            sections.add(new Section(heading, List.copyOf(body)));
        }
        return sections;
    }

    private String field(Section section, String label) {
        for (Line line : section.body()) {
            Field f = toField(line, 1);
            if (line.depth() == 1 && f.label().equals(label)) {
                return f.value();
            }
        }
        throw error(section.heading(), "no '" + label + "' line");
    }

    private L2tpFrame l2tp(
            int number,
            String epochTime,
            String ipSrc,
            String ipDst,
            int udpSrc,
            int udpDst,
            OptionalInt udpPayload,
            Section section) {
        List<Line> body = section.body();
        String flags = null;
        Integer type = null;
        Boolean lengthBit = null;
        Boolean sequenceBit = null;
        Boolean offsetBit = null;
        Boolean priority = null;
        Integer version = null;
        OptionalInt length = OptionalInt.empty();
        Integer tunnelId = null;
        Integer sessionId = null;
        OptionalInt ns = OptionalInt.empty();
        OptionalInt nr = OptionalInt.empty();
        OptionalInt offsetSize = OptionalInt.empty();
        boolean zlb = false;
        List<Avp> avps = new ArrayList<>();

        int i = 0;
        while (i < body.size()) {
            Line line = body.get(i);
            if (line.depth() != 1) {
                throw error(line, "expected a line directly under the L2TP section");
            }
            int end = i + 1;
            while (end < body.size() && body.get(end).depth() > 1) {
                end++;
            }
            List<Line> children = body.subList(i + 1, end);
            Field f = toField(line, 1);
            if (f.label().equals("Flags")) {
                flags = f.value().split(",", 2)[0];
                for (Line child : children) {
                    Field bit = toField(child, 2);
                    if (!bit.isBitField()) {
                        throw error(child, "expected a flag bit line");
                    }
                    switch (bit.label()) {
                        case "Type" -> type = (int) bit.bitValue();
                        case "Length Bit" -> lengthBit = bit.bitValue() == 1;
                        case "Sequence Bit" -> sequenceBit = bit.bitValue() == 1;
                        case "Offset bit", "Offset Bit" -> offsetBit = bit.bitValue() == 1;
                        case "Priority" -> priority = bit.bitValue() == 1;
                        case "Version" -> version = Integer.parseInt(bit.value());
                        default -> throw error(child, "unknown L2TP flag");
                    }
                }
            } else if (!children.isEmpty()) {
                avps.add(avp(line, children));
            } else if (f.label().equals(ZERO_LENGTH_BODY) && f.value().isEmpty()) {
                zlb = true;
            } else {
                switch (f.label()) {
                    case "Length" -> length = OptionalInt.of(integer(line, f.value()));
                    case "Tunnel ID" -> tunnelId = integer(line, f.value());
                    case "Session ID" -> sessionId = integer(line, f.value());
                    case "Ns" -> ns = OptionalInt.of(integer(line, f.value()));
                    case "Nr" -> nr = OptionalInt.of(integer(line, f.value()));
                    case "Offset", "Offset Size" -> offsetSize = OptionalInt.of(integer(line, f.value()));
                    case "Offset Padding" -> {
                        // bytes skipped by the offset; their size is Offset Size
                    }
                    default -> throw error(line, "unknown L2TP header line");
                }
            }
            i = end;
        }
        Line heading = section.heading();
        Header header = new Header(
                require(flags, heading, "Flags"),
                require(type, heading, "Type"),
                require(lengthBit, heading, "Length Bit"),
                require(sequenceBit, heading, "Sequence Bit"),
                require(offsetBit, heading, "Offset bit"),
                require(priority, heading, "Priority"),
                require(version, heading, "Version"),
                length,
                require(tunnelId, heading, "Tunnel ID"),
                require(sessionId, heading, "Session ID"),
                ns,
                nr,
                offsetSize);
        if (header.lengthBit() != length.isPresent()
                || header.sequenceBit() != ns.isPresent()
                || ns.isPresent() != nr.isPresent()
                || (!header.offsetBit() && offsetSize.isPresent())) {
            throw error(heading, "flag bits disagree with the header fields printed: " + header);
        }

        Optional<MessageType> messageType = Optional.empty();
        if (!avps.isEmpty()) {
            Optional<String> printed = avps.get(0).find("Message Type");
            if (printed.isPresent()) {
                Matcher m = NAME_AND_CODE.matcher(printed.get());
                if (!m.matches()) {
                    throw error(heading, "unexpected Message Type '" + printed.get() + "'");
                }
                messageType = Optional.of(new MessageType(Integer.parseInt(m.group(2)), m.group(1)));
            }
        }

        OptionalInt payloadLength = OptionalInt.empty();
        int total = length.isPresent() ? length.getAsInt() : udpPayload.orElse(-1);
        if (total >= 0) {
            payloadLength = OptionalInt.of(total - header.headerLength());
        }
        return new L2tpFrame(
                number,
                epochTime,
                ipSrc,
                ipDst,
                udpSrc,
                udpDst,
                udpPayload,
                header,
                zlb,
                avps,
                messageType,
                payloadLength);
    }

    private Avp avp(Line heading, List<Line> children) {
        Boolean mandatory = null;
        Boolean hidden = null;
        Integer length = null;
        Integer vendorId = null;
        Integer type = null;
        String typeName = null;
        List<Field> values = new ArrayList<>();
        for (Line child : children) {
            Field f = toField(child, 2);
            if (type != null) {
                values.add(f);
                continue;
            }
            if (f.depth() != 0) {
                throw error(child, "nested line before AVP Type");
            }
            switch (f.label()) {
                case "Mandatory" -> mandatory = bool(child, f.value());
                case "Hidden" -> hidden = bool(child, f.value());
                case "Length" -> length = integer(child, f.value());
                case "Vendor ID" ->
                    vendorId = Integer.parseInt(nameAndCode(child, f.value()).group(2));
                case "AVP Type" -> {
                    Matcher m = nameAndCode(child, f.value());
                    typeName = m.group(1);
                    type = Integer.parseInt(m.group(2));
                }
                default -> throw error(child, "unknown AVP header line");
            }
        }
        return new Avp(
                heading.text(),
                require(mandatory, heading, "Mandatory"),
                require(hidden, heading, "Hidden"),
                require(length, heading, "Length"),
                require(vendorId, heading, "Vendor ID"),
                require(type, heading, "AVP Type"),
                typeName,
                values);
    }

    private Matcher nameAndCode(Line line, String value) {
        Matcher m = NAME_AND_CODE.matcher(value);
        if (!m.matches()) {
            throw error(line, "expected 'Name (number)'");
        }
        return m;
    }

    private boolean bool(Line line, String value) {
        return switch (value) {
            case "True" -> true;
            case "False" -> false;
            default -> throw error(line, "expected True or False");
        };
    }

    private int integer(Line line, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(line, "expected a decimal number");
        }
    }

    private <T> T require(T value, Line heading, String what) {
        if (value == null) {
            throw error(heading, "no '" + what + "' line");
        }
        return value;
    }

    private IllegalStateException error(Line line, String message) {
        return new IllegalStateException(source + ":" + line.number() + ": " + message + ": '" + line.text() + "'");
    }

    /**
     * Splits one line (indentation already stripped) into label and value. Bit-field lines ({@code ..1. = Label:
     * Value}) keep their bit pattern apart; generated lines ({@code [Label: Value]}) lose their brackets; a line
     * without {@code ": "} is all label.
     */
    private static Field toField(Line line, int baseDepth) {
        String text = line.text();
        boolean generated = false;
        if (text.startsWith("[") && text.endsWith("]")) {
            generated = true;
            text = text.substring(1, text.length() - 1);
        }
        String bits = "";
        Matcher m = BITS.matcher(text);
        if (m.matches()) {
            bits = m.group(1);
            text = m.group(2);
        }
        String label;
        String value;
        int colon = text.indexOf(": ");
        if (colon >= 0) {
            label = text.substring(0, colon);
            value = text.substring(colon + 2);
        } else if (text.endsWith(":")) {
            label = text.substring(0, text.length() - 1);
            value = "";
        } else {
            label = text;
            value = "";
        }
        return new Field(label, value, line.depth() - baseDepth, bits, generated);
    }
}
