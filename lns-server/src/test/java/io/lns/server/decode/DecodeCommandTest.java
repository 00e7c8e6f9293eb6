package io.lns.server.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.server.capture.CaptureFiles;
import io.lns.server.capture.Packets;
import io.lns.server.cli.LnsMain;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeCommandTest {
    private static final Path SAMPLE = Path.of("..", "samples", "xl2tpd-lac_to_l2tpns_full-ppp.pcapng");
    private static final String SCCRQ = "c802006b000000000000000080080000000000018008000000020100800a000000030000"
            + "0003800a00000004000000000008000000060690801000000007786c327470642d6c616300130000000878656c"
            + "6572616e63652e636f6d8008000000097aa480080000000a0008";

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
        List<String> lines() {
            return out.lines().toList();
        }
    }

    @Test
    void decodesTheShippedSample() {
        Run run = run("decode", SAMPLE.toString());
        assertThat(run.status()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).hasSize(38);
        assertThat(run.lines().get(0))
                .startsWith("#1 2026-11-21T08:39:45.439163600Z 127.0.0.5:1701 > 127.0.0.2:1701 tunnel 0 session 0"
                        + " Ns 0 Nr 0 SCCRQ")
                .contains("Host Name[M]=\"xl2tpd-lac\"", "Assigned Tunnel ID[M]=31396", "Firmware Revision=1680");
        assertThat(run.out())
                .contains("ZLB", "ICRQ", "ICCN", "DATA 18 octets PPP PAP", "CDN")
                .contains("StopCCN, Assigned Tunnel ID[M]=31396, Result Code[M]=1 (General request to clear"
                        + " control connection)")
                .doesNotContain("ERROR", "Exception");
    }

    @Test
    void jsonLinesCarryTheSameFacts() throws Exception {
        Run run = run("decode", "--json", SAMPLE.toString());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(run.lines().get(0));
        assertThat(first.get("frame").asInt()).isEqualTo(1);
        assertThat(first.get("message").asText()).isEqualTo("SCCRQ");
        assertThat(first.get("header").get("length").asInt()).isEqualTo(107);
        JsonNode host = first.get("avps").get(5);
        assertThat(host.get("name").asText()).isEqualTo("Host Name");
        assertThat(host.get("mandatory").asBoolean()).isTrue();
        assertThat(host.get("value").get("name").asText()).isEqualTo("xl2tpd-lac");
        assertThat(run.lines())
                .hasSize(38)
                .allSatisfy(
                        l -> assertThat(mapper.readTree(l).get("kind").asText()).isIn("control", "data"));
    }

    @Test
    void corruptPacketsGetAnErrorLineAndDecodingGoesOn() throws Exception {
        byte[] sccrq = HexFormat.of().parseHex(SCCRQ);
        byte[] truncated = Arrays.copyOf(sccrq, 40); // Length still says 107
        byte[] pastEnd = sccrq.clone();
        pastEnd[99 + 1] = (byte) 0x40; // last AVP (Receive Window Size, at 99): length 8 -> 64
        byte[] zeroLength = sccrq.clone();
        zeroLength[12 + 8] = 0;
        zeroLength[12 + 8 + 1] = 0; // second AVP: length 0
        Path file = pcap(truncated, pastEnd, zeroLength, sccrq);

        Run run = run("decode", file.toString());

        assertThat(run.status()).isZero();
        assertThat(run.lines()).hasSize(4);
        assertThat(run.lines().get(0))
                .contains("ERROR bad_length: Length at offset 2: says 107 octets but the datagram has 40");
        assertThat(run.lines().get(1))
                .contains("ERROR bad_length: AVP length at offset 99: length 64 runs past the end");
        assertThat(run.lines().get(2))
                .contains("ERROR bad_length: AVP length at offset 20: length 0 is below the 6-octet AVP header");
        assertThat(run.lines().get(3)).contains("SCCRQ").doesNotContain("ERROR");
        assertThat(run.out() + run.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void aFileThatIsNotACaptureFailsTheRunButNotTheOthers() throws Exception {
        Path junk = tmp.resolve("junk.pcap");
        Files.writeString(junk, "this is not a capture");
        Run run = run("decode", junk.toString(), SAMPLE.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("junk.pcap");
        assertThat(run.out()).contains("SCCRQ");
    }

    @Test
    void revealsHiddenAvpsOnlyWithTheSecret() throws Exception {
        ControlMessage msg = ControlMessage.of(
                L2tpHeader.control(7, 0, 0, 0),
                ControlMessageType.StopCCN,
                List.of(Avp.hidden(new AssignedTunnelId(77)), Avp.of(ResultCode.of(1))));
        ByteBuf buf = Unpooled.buffer();
        L2tpPacketEncoder.standard().encode(msg, buf, HidingKey.of(TunnelSecret.of("s3cret")));
        Path file = pcap(ByteBufUtil.getBytes(buf));

        assertThat(run("decode", file.toString()).out()).contains("Assigned Tunnel ID[M,H]=invalid (hidden_no_secret)");
        assertThat(run("decode", "--secret", "s3cret", file.toString()).out())
                .contains("Random Vector[M]=0x", "Assigned Tunnel ID[M,H]=77")
                .doesNotContain("s3cret");
        assertThat(run("decode", "--secret", "wrong", file.toString()).out())
                .contains("Assigned Tunnel ID[M,H]=invalid (hidden_wrong_secret)");
    }

    @Test
    void helpListsTheDecodeCommand() {
        assertThat(run("--help").out()).contains("decode");
    }

    private Path pcap(byte[]... payloads) throws Exception {
        CaptureFiles.Pcap pcap = new CaptureFiles.Pcap(ByteOrder.LITTLE_ENDIAN, false, 101);
        int i = 0;
        for (byte[] p : payloads) {
            pcap.packet(
                    1_795_250_385L + i++, 0, Packets.ipv4("192.0.2.1", "192.0.2.2", 17, Packets.udp(1701, 1701, p)));
        }
        Path file = tmp.resolve("capture-" + System.nanoTime() + ".pcap");
        Files.write(file, pcap.bytes());
        return file;
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LnsMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(status, out.toString(), err.toString());
    }
}
