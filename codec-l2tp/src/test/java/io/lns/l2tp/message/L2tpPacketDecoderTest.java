package io.lns.l2tp.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.L2tpDecodeException.Reason;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.hidden.TunnelSecret;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class L2tpPacketDecoderTest {
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();

    /** xl2tpd's SCCRQ, frame 1 of captures/xl2tpd-lac_to_l2tpns_full-ppp. */
    static final String XL2TPD_SCCRQ = "c802006b000000000000000080080000000000018008000000020100800a000000030000"
            + "0003800a00000004000000000008000000060690801000000007786c327470642d6c616300130000000878656c"
            + "6572616e63652e636f6d8008000000097aa480080000000a0008";

    @Test
    void decodesARealSccrq() throws Exception {
        ControlMessage m = (ControlMessage) decoder.decode(hex(XL2TPD_SCCRQ));
        assertThat(m.type()).contains(ControlMessageType.SCCRQ);
        assertThat(m.find(ProtocolVersion.class)).contains(new ProtocolVersion(1, 0));
        assertThat(m.find(FramingCapabilities.class)).contains(new FramingCapabilities(3));
        assertThat(m.find(HostName.class)).contains(new HostName("xl2tpd-lac"));
        assertThat(m.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(31396));
        assertThat(m.find(ReceiveWindowSize.class)).contains(new ReceiveWindowSize(8));
        assertThat(m.avps().get(4).mandatory()).isFalse(); // Firmware Revision
        assertThat(MessageCatalogue.check(m, io.lns.l2tp.avp.AvpDictionary.standard()))
                .isEmpty();
        ByteBuf out = Unpooled.buffer();
        encoder.encode(m, out);
        assertThat(HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(out)))
                .isEqualTo(XL2TPD_SCCRQ);
    }

    @Test
    void aZeroLengthAvpFailsInsteadOfLooping() {
        assertThatThrownBy(() -> decoder.decode(hex("c802000e00000000000000000000")))
                .isInstanceOfSatisfying(L2tpDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
                    assertThat(e.offset()).isEqualTo(12);
                });
        assertThatThrownBy(() -> decoder.decode(hex("c802001200000000000000000000" + "00000000")))
                .isInstanceOfSatisfying(L2tpDecodeException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.BAD_LENGTH);
                    assertThat(e.field()).isEqualTo("AVP length");
                    assertThat(e.offset()).isEqualTo(12);
                });
    }

    @Test
    void anAvpRunningPastTheEndNamesItsOffset() {
        // Second AVP claims 32 octets, 8 remain.
        assertThatThrownBy(() ->
                        decoder.decode(hex("c802001c00000000" + "00000000" + "8008000000000006" + "8020000000020100")))
                .isInstanceOfSatisfying(L2tpDecodeException.class, e -> {
                    assertThat(e.field()).isEqualTo("AVP length");
                    assertThat(e.offset()).isEqualTo(20);
                    assertThat(e.getMessage()).contains("runs past the end");
                });
    }

    @Test
    void keepsUnknownAvpsRawWithTheirMandatoryBit() throws Exception {
        // HELLO, then unknown vendor 9 type 1 (M=1), then unknown IETF type 200 (M=0).
        ControlMessage m =
                (ControlMessage) decoder.decode(control("8008000000000006" + "800a00090001cafe0000" + "0006000000c8"));
        assertThat(m.avps()).hasSize(3);
        Avp vendor = m.avps().get(1);
        assertThat(vendor.mandatory()).isTrue();
        assertThat(vendor.vendorId()).isEqualTo(9);
        assertThat(vendor.value()).isEqualTo(new UnrecognizedValue(Octets.ofHex("cafe0000")));
        assertThat(m.avps().get(2).mandatory()).isFalse();
        assertThat(m.avps().get(2).value()).isEqualTo(new UnrecognizedValue(Octets.EMPTY));
    }

    @Test
    void anAvpWithAReservedBitIsUnrecognized() throws Exception {
        // Host Name with reserved bit 0x0400 set.
        ControlMessage m = (ControlMessage) decoder.decode(control("8008000000000006" + "8409000000076c6e73"));
        Avp avp = m.avps().get(1);
        assertThat(avp.reservedBits()).isEqualTo(1);
        assertThat(avp.value()).isInstanceOf(UnrecognizedValue.class);
        ByteBuf out = Unpooled.buffer();
        encoder.encode(m, out);
        assertThat(HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(out)))
                .isEqualTo(hexOf(control("8008000000000006" + "8409000000076c6e73")));
    }

    @Test
    void aMalformedValueFailsOnlyItsAvp() throws Exception {
        // generateload's 2-octet Framing Capabilities.
        ControlMessage m = (ControlMessage) decoder.decode(control("8008000000000001" + "0008000000030001"));
        assertThat(m.avps().get(1).value()).isInstanceOfSatisfying(InvalidValue.class, v -> {
            assertThat(v.problem()).isEqualTo(InvalidValue.Problem.MALFORMED);
            assertThat(v.detail()).contains("Framing Capabilities value must be 4 octets, got 2");
            assertThat(v.raw()).isEqualTo(Octets.ofHex("0001"));
        });
    }

    @Test
    void decodesResultCodesOfEveryLength() throws Exception {
        assertThat(resultOf("0001")).isEqualTo(ResultCode.of(1));
        assertThat(resultOf("00020006")).isEqualTo(ResultCode.of(2, 6, ""));
        assertThat(resultOf("000200064f6f7073")).isEqualTo(ResultCode.of(2, 6, "Oops"));
    }

    @Test
    void hiddenAvpsAreRevealedWithTheSecretAndReportedWithoutIt() throws Exception {
        TunnelSecret secret = TunnelSecret.of("s3cret");
        ControlMessage sent = ControlMessage.of(
                L2tpHeader.control(5, 0, 1, 2),
                ControlMessageType.StopCCN,
                List.of(Avp.hidden(new AssignedTunnelId(77)), Avp.of(ResultCode.of(1))));
        ByteBuf wire = Unpooled.buffer();
        encoder.encode(sent, wire, new HidingKey(secret, new Random(7)));

        ControlMessage withSecret = (ControlMessage) decoder.decode(wire, secret);
        assertThat(withSecret.avps().get(1).value()).isInstanceOf(RandomVector.class);
        assertThat(withSecret.avps().get(2).hidden()).isTrue();
        assertThat(withSecret.find(AssignedTunnelId.class)).contains(new AssignedTunnelId(77));

        ControlMessage without = (ControlMessage) decoder.decode(wire);
        assertThat(((InvalidValue) without.avps().get(2).value()).problem())
                .isEqualTo(InvalidValue.Problem.HIDDEN_NO_SECRET);
        assertThat(decoder.reveal(without, secret)).isEqualTo(withSecret);

        ControlMessage wrong = (ControlMessage) decoder.decode(wire, TunnelSecret.of("guess"));
        assertThat(((InvalidValue) wrong.avps().get(2).value()).problem())
                .isEqualTo(InvalidValue.Problem.HIDDEN_WRONG_SECRET);
    }

    @Test
    void aHiddenAvpWithoutRandomVectorIsReported() throws Exception {
        ControlMessage m = (ControlMessage) decoder.decode(
                control("8008000000000004" + "c016000000090000" + "00".repeat(14)), TunnelSecret.of("x"));
        assertThat(((InvalidValue) m.avps().get(1).value()).problem())
                .isEqualTo(InvalidValue.Problem.HIDDEN_WITHOUT_RANDOM_VECTOR);
    }

    @Test
    void aDataMessageIsARetainedSliceOfTheDatagram() throws Exception {
        ByteBuf datagram = hex("4002000e" + "7aa40001" + "ff03c021" + "0102");
        DataMessage d = (DataMessage) decoder.decode(datagram);
        assertThat(d.header().tunnelId()).isEqualTo(0x7aa4);
        assertThat(d.header().sessionId()).isEqualTo(1);
        assertThat(d.payload().readableBytes()).isEqualTo(6);
        assertThat(d.payload().getByte(0)).isEqualTo((byte) 0xff);
        assertThat(datagram.refCnt()).isEqualTo(2);
        datagram.setByte(8, 0x00);
        assertThat(d.payload().getByte(0)).as("no copy").isZero();
        d.release();
        assertThat(datagram.refCnt()).isEqualTo(1);
    }

    @Test
    void zlbIsAControlMessageWithoutAvps() throws Exception {
        ControlMessage zlb = (ControlMessage) decoder.decode(hex("c802000c7aa4000000010002"));
        assertThat(zlb.isZlb()).isTrue();
        assertThat(zlb.type()).isEmpty();
        assertThat(zlb.header().withLength(L2tpHeader.ABSENT))
                .isEqualTo(ControlMessage.zlb(0x7aa4, 1, 2).header());
    }

    @Test
    void messageTypeAvpGivesCodesOutsideTheCatalogue() throws Exception {
        ControlMessage m = (ControlMessage) decoder.decode(hex("c802001400000000" + "00000000" + "80080000000000ff"));
        assertThat(m.messageTypeAvp()).contains(new MessageType(255));
        assertThat(m.type()).isEmpty();
    }

    private ResultCode resultOf(String valueHex) throws Exception {
        int avpLength = 6 + valueHex.length() / 2;
        String avp = String.format("%04x", 0x8000 | avpLength) + "00000001" + valueHex;
        String body = "8008000000000004" + "8008000000090001" + avp;
        return ((ControlMessage) decoder.decode(control(body)))
                .find(ResultCode.class)
                .orElseThrow();
    }

    /** A control message to tunnel 0 with the given AVP octets and the right Length. */
    static ByteBuf control(String avpsHex) {
        return hex("c802" + String.format("%04x", 12 + avpsHex.length() / 2) + "00000000" + "00000000" + avpsHex);
    }

    static String hexOf(ByteBuf buf) {
        return HexFormat.of().formatHex(io.netty.buffer.ByteBufUtil.getBytes(buf));
    }

    static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }
}
