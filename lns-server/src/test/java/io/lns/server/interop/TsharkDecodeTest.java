package io.lns.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.lns.server.interop.TsharkDecode.Avp;
import io.lns.server.interop.TsharkDecode.Field;
import io.lns.server.interop.TsharkDecode.L2tpFrame;
import io.lns.server.interop.TsharkDecode.MessageType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TsharkDecodeTest {

    static final String FULL_PPP = "xl2tpd-lac_to_l2tpns_full-ppp";
    static final String NO_PPP = "xl2tpd-lac_to_l2tpns_no-ppp";
    static final String XL2TPD = "xl2tpd-lac_to_xl2tpd-lns";
    static final String GENERATELOAD = "generateload_to_l2tpns";
    static final String REJECTED = "generateload_to_xl2tpd-lns_rejected";

    static Stream<Arguments> captures() {
        return Stream.of(
                Arguments.of(FULL_PPP, 38, 40),
                Arguments.of(NO_PPP, 13, 13),
                Arguments.of(XL2TPD, 13, 13),
                Arguments.of(GENERATELOAD, 102, 106),
                Arguments.of(REJECTED, 4, 4));
    }

    @ParameterizedTest
    @MethodSource("captures")
    void keepsExactlyTheFramesWithAnL2tpSection(String capture, int l2tpFrames, int allFrames) {
        String text = new String(resource(capture + ".decode.txt"), StandardCharsets.UTF_8);
        long sections = text.lines()
                .filter(l -> l.startsWith(TsharkDecode.L2TP_SECTION))
                .count();
        long frames = text.lines().filter(l -> l.matches("^Frame \\d+: .*")).count();

        TsharkDecode decode = TsharkDecode.load(capture);

        assertThat(decode.frames()).hasSize((int) sections).hasSize(l2tpFrames);
        assertThat(frames).isEqualTo(allFrames);
        assertThat(decode.frames()).extracting(L2tpFrame::number).isSorted().doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("captures")
    void lengthsAddUp(String capture, int l2tpFrames, int allFrames) {
        for (L2tpFrame f : TsharkDecode.load(capture).frames()) {
            assertThat(f.udpPayloadLength()).as("frame %d", f.number()).isPresent();
            int udpPayload = f.udpPayloadLength().getAsInt();
            if (f.header().length().isPresent()) {
                assertThat(f.header().length().getAsInt())
                        .as("frame %d", f.number())
                        .isEqualTo(udpPayload);
            }
            assertThat(f.payloadLength()).hasValue(udpPayload - f.header().headerLength());
            if (f.isControl()) {
                int avpBytes = f.avps().stream().mapToInt(Avp::length).sum();
                assertThat(f.payloadLength()).as("frame %d", f.number()).hasValue(avpBytes);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void controlMessagesAreTypedByTheirFirstAvpAndZlbsHaveNone(String capture, int l2tpFrames, int allFrames) {
        for (L2tpFrame f : TsharkDecode.load(capture).frames()) {
            assertThat(f.header().version()).isEqualTo(2);
            if (!f.isControl()) {
                assertThat(f.avps()).isEmpty();
                assertThat(f.messageType()).isEmpty();
                assertThat(f.zeroLengthBody()).isFalse();
                continue;
            }
            assertThat(f.header().lengthBit()).isTrue();
            assertThat(f.header().sequenceBit()).isTrue();
            assertThat(f.zeroLengthBody())
                    .as("frame %d", f.number())
                    .isEqualTo(f.avps().isEmpty());
            assertThat(f.isZlb()).isEqualTo(f.avps().isEmpty());
            if (f.avps().isEmpty()) {
                assertThat(f.messageType()).isEmpty();
                assertThat(f.header().length()).hasValue(12);
            } else {
                Avp first = f.avps().get(0);
                assertThat(first.heading()).isEqualTo("Control Message AVP");
                assertThat(first.type()).isZero();
                assertThat(f.messageType()).isPresent();
                assertThat(first.values()).extracting(Field::label).containsExactly("Message Type");
            }
            for (Avp avp : f.avps()) {
                assertThat(avp.heading()).isEqualTo(avp.typeName() + " AVP");
                assertThat(avp.vendorId()).isZero();
                assertThat(avp.hidden()).isFalse();
                assertThat(avp.labels()).doesNotContain("Mandatory", "Hidden", "Vendor ID", "AVP Type");
            }
        }
    }

    @Test
    void everyAvpSeenInTheCapturesIsKnown() {
        Map<String, Integer> headings = new TreeMap<>();
        for (String capture : List.of(FULL_PPP, NO_PPP, XL2TPD, GENERATELOAD, REJECTED)) {
            for (L2tpFrame f : TsharkDecode.load(capture).frames()) {
                for (Avp avp : f.avps()) {
                    headings.put(avp.heading(), avp.type());
                }
            }
        }
        assertThat(headings)
                .containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                        Map.entry("Control Message AVP", 0),
                        Map.entry("Result-Error Code AVP", 1),
                        Map.entry("Protocol Version AVP", 2),
                        Map.entry("Framing Capabilities AVP", 3),
                        Map.entry("Bearer Capabilities AVP", 4),
                        Map.entry("Firmware Revision AVP", 6),
                        Map.entry("Host Name AVP", 7),
                        Map.entry("Vendor Name AVP", 8),
                        Map.entry("Assigned Tunnel ID AVP", 9),
                        Map.entry("Receive Window Size AVP", 10),
                        Map.entry("Assigned Session AVP", 14),
                        Map.entry("Call Serial Number AVP", 15),
                        Map.entry("Bearer Type AVP", 18),
                        Map.entry("Framing Type AVP", 19),
                        Map.entry("Called Number AVP", 21),
                        Map.entry("Calling Number AVP", 22),
                        Map.entry("Connect Speed AVP", 24),
                        Map.entry("RxConnect Speed AVP", 38)));
    }

    @Test
    void xl2tpdSccrq() {
        L2tpFrame f = TsharkDecode.load(FULL_PPP).frame(1);

        assertThat(f.epochTime()).isEqualTo("1795250385.439163600");
        assertThat(f.ipSrc()).isEqualTo("127.0.0.5");
        assertThat(f.ipDst()).isEqualTo("127.0.0.2");
        assertThat(f.udpSrcPort()).isEqualTo(1701);
        assertThat(f.udpDstPort()).isEqualTo(1701);
        assertThat(f.udpPayloadLength()).hasValue(107);
        assertThat(f.header().flags()).isEqualTo("0xc802");
        assertThat(f.header().type()).isEqualTo(1);
        assertThat(f.header().offsetBit()).isFalse();
        assertThat(f.header().priority()).isFalse();
        assertThat(f.header().length()).hasValue(107);
        assertThat(f.header().tunnelId()).isZero();
        assertThat(f.header().sessionId()).isZero();
        assertThat(f.header().ns()).hasValue(0);
        assertThat(f.header().nr()).hasValue(0);
        assertThat(f.header().offsetSize()).isEmpty();
        assertThat(f.messageType()).contains(new MessageType(1, "Start_Control_Request"));
        assertThat(f.avps())
                .extracting(Avp::heading, Avp::type, Avp::mandatory, Avp::length)
                .containsExactly(
                        tuple("Control Message AVP", 0, true, 8),
                        tuple("Protocol Version AVP", 2, true, 8),
                        tuple("Framing Capabilities AVP", 3, true, 10),
                        tuple("Bearer Capabilities AVP", 4, true, 10),
                        tuple("Firmware Revision AVP", 6, false, 8),
                        tuple("Host Name AVP", 7, true, 16),
                        tuple("Vendor Name AVP", 8, false, 19),
                        tuple("Assigned Tunnel ID AVP", 9, true, 8),
                        tuple("Receive Window Size AVP", 10, true, 8));
        assertThat(f.avp(2).orElseThrow().values())
                .extracting(Field::label, Field::value)
                .containsExactly(tuple("Version", "1"), tuple("Revision", "0"));
        assertThat(f.avp("Framing Capabilities AVP").orElseThrow().values())
                .extracting(Field::label, Field::value, Field::bits)
                .containsExactly(
                        tuple("Async Framing Supported", "True", ".... .... .... .... .... .... .... ..1."),
                        tuple("Sync Framing Supported", "True", ".... .... .... .... .... .... .... ...1"));
        assertThat(f.avp(4).orElseThrow().valuesOf("Analog Access Supported")).containsExactly("False");
        assertThat(f.avp(6).orElseThrow().value("Firmware Revision")).isEqualTo("1680 (0x0690)");
        assertThat(f.avp(7).orElseThrow().value("Host Name")).isEqualTo("xl2tpd-lac");
        assertThat(f.avp(8).orElseThrow().value("Vendor Name")).isEqualTo("xelerance.com");
        assertThat(f.avp(9).orElseThrow().value("Assigned Tunnel ID")).isEqualTo("31396");
        assertThat(f.avp(10).orElseThrow().value("Receive Window Size")).isEqualTo("8");
    }

    @Test
    void xl2tpdIcrqAndIccnCallAvps() {
        TsharkDecode decode = TsharkDecode.load(FULL_PPP);
        L2tpFrame icrq = decode.frames().stream()
                .filter(f -> f.messageType().map(MessageType::code).orElse(0) == 10)
                .findFirst()
                .orElseThrow();
        assertThat(icrq.avp("Call Serial Number AVP").orElseThrow().value("Call Serial Number"))
                .isEqualTo("1");
        assertThat(icrq.avp("Bearer Type AVP").orElseThrow().values())
                .extracting(Field::label, Field::value)
                .containsExactly(tuple("Analog Bearer Type", "False"), tuple("Digital Bearer Type", "False"));

        L2tpFrame iccn = decode.frames().stream()
                .filter(f -> f.messageType().map(MessageType::code).orElse(0) == 12)
                .findFirst()
                .orElseThrow();
        assertThat(iccn.avp(24).orElseThrow().value("Connect Speed")).isEqualTo("0");
        assertThat(iccn.avp(38).orElseThrow().value("Rx Connect Speed")).isEqualTo("0");
        assertThat(iccn.avp(19).orElseThrow().labels()).containsExactly("Async Framing Type", "Sync Framing Type");
    }

    @Test
    void dataMessageHeaderAndPayloadLength() {
        TsharkDecode decode = TsharkDecode.load(FULL_PPP);
        // xl2tpd sets the L bit on data messages, l2tpns does not
        assertThat(decode.dataFrames())
                .extracting(f -> f.ipSrc() + " " + f.header().flags())
                .containsOnly("127.0.0.5 0x4002", "127.0.0.2 0x0002");
        L2tpFrame withLength = decode.dataFrames().stream()
                .filter(f -> f.ipSrc().equals("127.0.0.5"))
                .findFirst()
                .orElseThrow();
        assertThat(withLength.header().flags()).isEqualTo("0x4002");
        assertThat(withLength.header().type()).isZero();
        assertThat(withLength.header().lengthBit()).isTrue();
        assertThat(withLength.header().sequenceBit()).isFalse();
        assertThat(withLength.header().ns()).isEmpty();
        assertThat(withLength.header().length()).isPresent();
        assertThat(withLength.payloadLength())
                .hasValue(withLength.header().length().getAsInt() - 8);

        L2tpFrame bare = TsharkDecode.load(GENERATELOAD).dataFrames().stream()
                .filter(f ->
                        f.ipDst().equals("127.0.0.2") && f.udpPayloadLength().orElse(0) > 1000)
                .findFirst()
                .orElseThrow();
        assertThat(bare.header().flags()).isEqualTo("0x0002");
        assertThat(bare.header().length()).isEmpty();
        // the outer addressing, not the subscriber IP/UDP carried in PPP
        assertThat(bare.ipSrc()).isEqualTo("127.0.1.250");
        assertThat(bare.udpSrcPort()).isEqualTo(38001);
        assertThat(bare.udpDstPort()).isEqualTo(1701);
        assertThat(bare.payloadLength()).hasValue(bare.udpPayloadLength().getAsInt() - 6);
    }

    @Test
    void zlb() {
        L2tpFrame f = TsharkDecode.load(REJECTED).frame(2);
        assertThat(f.isZlb()).isTrue();
        assertThat(f.zeroLengthBody()).isTrue();
        assertThat(f.header().ns()).hasValue(0);
        assertThat(f.header().nr()).hasValue(1);
        assertThat(f.payloadLength()).hasValue(0);
    }

    @Test
    void resultCodeWithErrorMessage() {
        L2tpFrame f = TsharkDecode.load(REJECTED).frame(3);
        assertThat(f.messageType()).contains(new MessageType(4, "Stop_Control_Notification"));
        Avp result = f.avp(1).orElseThrow();
        assertThat(result.heading()).isEqualTo("Result-Error Code AVP");
        assertThat(result.length()).isEqualTo(36);
        assertThat(result.values())
                .extracting(Field::label, Field::value)
                .containsExactly(
                        tuple("Result code", "General error, Error Code indicates the problem (2)"),
                        tuple("Error code", "A generic vendor-specific error occurred (6)"),
                        tuple("Error Message", "Specify framing capability"));
    }

    @Test
    void generateloadTwoByteCapabilitiesAreShownAsIfFourBytes() {
        L2tpFrame f = TsharkDecode.load(GENERATELOAD).frame(1);
        assertThat(f.messageType()).contains(new MessageType(1, "Start_Control_Request"));
        assertThat(f.avpHeadings())
                .containsExactly(
                        "Control Message AVP",
                        "Host Name AVP",
                        "Vendor Name AVP",
                        "Assigned Tunnel ID AVP",
                        "Protocol Version AVP",
                        "Framing Capabilities AVP",
                        "Bearer Capabilities AVP",
                        "Receive Window Size AVP");
        assertThat(f.avps())
                .extracting(Avp::mandatory)
                .containsExactly(true, false, false, false, false, false, false, false);
        // value bytes 00 01, yet tshark reads 4 bytes (into the next AVP header 00 08) and shows both bits clear
        Avp framing = f.avp(3).orElseThrow();
        assertThat(framing.length()).isEqualTo(8);
        assertThat(framing.values())
                .extracting(Field::label, Field::value)
                .containsExactly(tuple("Async Framing Supported", "False"), tuple("Sync Framing Supported", "False"));
        assertThat(framing.values()).noneMatch(Field::generated);
    }

    @Test
    void parsesNestedGeneratedAndOffsetLines() {
        String text = """
                Frame 7: 80 bytes on wire (640 bits), 80 bytes captured (640 bits)
                    Epoch Time: 1.500000000 seconds
                    Frame Number: 7
                Internet Protocol Version 6, Src: ::1, Dst: ::2
                    Source Address: ::1
                User Datagram Protocol, Src Port: 1701, Dst Port: 1702
                    UDP payload (20 bytes)
                Layer 2 Tunneling Protocol
                    Flags: 0x0302, Type: Data Message, Offset Bit, Priority
                        0... .... .... .... = Type: Data Message (0)
                        .0.. .... .... .... = Length Bit: Length field is not present
                        .... 0... .... .... = Sequence Bit: Ns and Nr fields are not present
                        .... ..1. .... .... = Offset bit: Offset size field is present
                        .... ...1 .... .... = Priority: Priority
                        .... .... .... 0010 = Version: 2
                    Tunnel ID: 3
                    Session ID: 4
                    Offset Size: 2
                    Offset Padding: 0000

                Frame 8: 80 bytes on wire (640 bits), 80 bytes captured (640 bits)
                    Epoch Time: 2.000000000 seconds
                    Frame Number: 8
                Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2
                User Datagram Protocol, Src Port: 1701, Dst Port: 1701
                    UDP payload (22 bytes)
                Layer 2 Tunneling Protocol
                    Flags: 0xc802, Type: Control Message, Length Bit, Sequence Bit
                        1... .... .... .... = Type: Control Message (1)
                        .1.. .... .... .... = Length Bit: Length field is present
                        .... 1... .... .... = Sequence Bit: Ns and Nr fields are present
                        .... ..0. .... .... = Offset bit: Offset size field is not present
                        .... ...0 .... .... = Priority: No priority
                        .... .... .... 0010 = Version: 2
                    Length: 22
                    Tunnel ID: 1
                    Session ID: 0
                    Ns: 5
                    Nr: 6
                    Control Message AVP
                        1... .... .... .... = Mandatory: True
                        .0.. .... .... .... = Hidden: False
                        .... ..00 0000 1010 = Length: 10
                        Vendor ID: Reserved (0)
                        AVP Type: Control Message (0)
                        Message Type: Hello (6)
                        Proxy stuff
                            Length: 6
                            [Expert Info (Warning/Malformed): odd]
                """;
        TsharkDecode decode = TsharkDecode.parse("inline", text);
        assertThat(decode.frames()).hasSize(2);

        L2tpFrame data = decode.frame(7);
        assertThat(data.ipSrc()).isEqualTo("::1");
        assertThat(data.udpDstPort()).isEqualTo(1702);
        assertThat(data.header().offsetBit()).isTrue();
        assertThat(data.header().priority()).isTrue();
        assertThat(data.header().offsetSize()).hasValue(2);
        assertThat(data.header().headerLength()).isEqualTo(10);
        assertThat(data.payloadLength()).hasValue(10);

        L2tpFrame hello = decode.frame(8);
        assertThat(hello.messageType()).contains(new MessageType(6, "Hello"));
        assertThat(hello.avps().get(0).values())
                .extracting(Field::label, Field::value, Field::depth, Field::generated)
                .containsExactly(
                        tuple("Message Type", "Hello (6)", 0, false),
                        tuple("Proxy stuff", "", 0, false),
                        tuple("Length", "6", 1, false),
                        tuple("Expert Info (Warning/Malformed)", "odd", 1, true));
    }

    static final String MINIMAL_DATA_FRAME = """
            Frame 1: 60 bytes on wire
                Epoch Time: 1.000000000 seconds
                Frame Number: 1
            Internet Protocol Version 4, Src: 10.0.0.1, Dst: 10.0.0.2
            User Datagram Protocol, Src Port: 1701, Dst Port: 1701
                UDP payload (6 bytes)
            Layer 2 Tunneling Protocol
                Flags: 0x0002, Type: Data Message
                    0... .... .... .... = Type: Data Message (0)
                    .0.. .... .... .... = Length Bit: Length field is not present
                    .... 0... .... .... = Sequence Bit: Ns and Nr fields are not present
                    .... ..0. .... .... = Offset bit: Offset size field is not present
                    .... ...0 .... .... = Priority: No priority
                    .... .... .... 0010 = Version: 2
                Tunnel ID: 1
                Session ID: 0
            """;

    @Test
    void parsesAMinimalDataFrame() {
        L2tpFrame f = TsharkDecode.parse("inline", MINIMAL_DATA_FRAME).frame(1);
        assertThat(f.payloadLength()).hasValue(0);
        assertThat(f.udpPayloadLength()).hasValue(6);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"    Bogus: 1", "    Foo AVP\n        Colour: red", "    Ns: 1\n    Nr: 1", "   Three spaces: 1"
            })
    void rejectsWhatItDoesNotUnderstand(String extra) {
        String text = MINIMAL_DATA_FRAME + extra + "\n";
        assertThatThrownBy(() -> TsharkDecode.parse("inline", text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("inline:");
    }

    @Test
    void pcapngsAreOnTheClasspath() {
        for (String capture : List.of(FULL_PPP, NO_PPP, XL2TPD, GENERATELOAD, REJECTED)) {
            byte[] bytes = TsharkDecode.pcapng(capture);
            // pcapng Section Header Block type
            assertThat(bytes).startsWith(0x0a, 0x0d, 0x0d, 0x0a);
        }
    }

    private static byte[] resource(String name) {
        try (var in =
                TsharkDecodeTest.class.getClassLoader().getResourceAsStream(TsharkDecode.RESOURCE_FOLDER + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
