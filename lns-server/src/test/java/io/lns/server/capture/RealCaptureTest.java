package io.lns.server.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the captures recorded with tshark on loopback (Ethernet link type, pcapng, nanosecond
 * if_tsresol) and compares every frame with what tshark decoded. The NAME.expected.tsv files were
 * derived from tshark's NAME.decode.txt; see captures/README.md.
 */
class RealCaptureTest {

    private static final String FULL_PPP = "xl2tpd-lac_to_l2tpns_full-ppp";

    /** One line of NAME.expected.tsv. */
    record Expected(
            long frame,
            Instant time,
            String source,
            String destination,
            int sourcePort,
            int destinationPort,
            int payloadLength) {}

    @ParameterizedTest
    @ValueSource(
            strings = {
                "generateload_to_l2tpns",
                "generateload_to_xl2tpd-lns_rejected",
                FULL_PPP,
                "xl2tpd-lac_to_l2tpns_no-ppp",
                "xl2tpd-lac_to_xl2tpd-lns"
            })
    void everyFrameMatchesTshark(String name) throws Exception {
        List<Expected> expected = expected(name);
        List<CaptureRecord> records = readAll(name, null);

        assertThat(records).hasSize(expected.size()).allMatch(r -> r instanceof CapturedDatagram);
        for (int i = 0; i < expected.size(); i++) {
            Expected e = expected.get(i);
            CapturedDatagram d = (CapturedDatagram) records.get(i);
            assertThat(d.frameNumber()).isEqualTo(e.frame());
            assertThat(d.timestamp()).as("frame %d", e.frame()).isEqualTo(e.time());
            assertThat(d.source()).isEqualTo(socket(e.source(), e.sourcePort()));
            assertThat(d.destination()).isEqualTo(socket(e.destination(), e.destinationPort()));
            assertThat(d.payloadLength()).as("frame %d", e.frame()).isEqualTo(e.payloadLength());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "generateload_to_l2tpns",
                "generateload_to_xl2tpd-lns_rejected",
                FULL_PPP,
                "xl2tpd-lac_to_l2tpns_no-ppp",
                "xl2tpd-lac_to_xl2tpd-lns"
            })
    void l2tpFilterKeepsExactlyThePort1701Frames(String name) throws Exception {
        List<Long> expectedFrames = expected(name).stream()
                .filter(e -> e.sourcePort() == 1701 || e.destinationPort() == 1701)
                .map(Expected::frame)
                .toList();

        List<CaptureRecord> records = readAll(name, CaptureReader.port(CaptureReader.L2TP_PORT));

        assertThat(records).extracting(CaptureRecord::frameNumber).containsExactlyElementsOf(expectedFrames);
        for (CaptureRecord r : records) {
            byte[] l2tp = ((CapturedDatagram) r).payload();
            assertThat(l2tp[1] & 0x0f)
                    .as("L2TP version, frame %d", r.frameNumber())
                    .isEqualTo(2);
            if ((l2tp[0] & 0x40) != 0) { // L bit: the header's length field covers the whole message
                int length = ((l2tp[2] & 0xff) << 8) | (l2tp[3] & 0xff);
                assertThat(length).as("L2TP length, frame %d", r.frameNumber()).isEqualTo(l2tp.length);
            }
        }
    }

    @Test
    void fullPppCapture() throws Exception {
        List<CaptureRecord> records = readAll(FULL_PPP, CaptureReader.port(1701));

        assertThat(records).hasSize(38);
        assertThat(records).extracting(CaptureRecord::frameNumber).doesNotContain(16L, 17L);
        CapturedDatagram first = (CapturedDatagram) records.get(0);
        assertThat(first.frameNumber()).isEqualTo(1);
        assertThat(first.source()).isEqualTo(socket("127.0.0.5", 1701));
        assertThat(first.destination()).isEqualTo(socket("127.0.0.2", 1701));
        assertThat(first.payloadLength()).isEqualTo(107);
        assertThat(first.payload()).startsWith((byte) 0xc8, (byte) 0x02, (byte) 0x00, (byte) 0x6b);
        assertThat(first.timestamp()).isEqualTo(Instant.ofEpochSecond(1795250385L, 439163600));
        assertThat(records.get(records.size() - 1).frameNumber()).isEqualTo(40);
        assertThat(records.get(records.size() - 1).timestamp())
                .isEqualTo(Instant.ofEpochSecond(1795250391L, 440156924));
    }

    @Test
    void fullPppCaptureWithoutFilterShowsRadius() throws Exception {
        List<CaptureRecord> records = readAll(FULL_PPP, null);

        assertThat(records).hasSize(40);
        CapturedDatagram radius = (CapturedDatagram) records.get(15);
        assertThat(radius.frameNumber()).isEqualTo(16);
        assertThat(radius.destination()).isEqualTo(socket("127.0.0.1", 1812));
    }

    @Test
    void readerReportsFormatAndFrameCount() throws Exception {
        try (CaptureReader reader = CaptureReader.open(resource(FULL_PPP + ".pcapng"), CaptureReader.port(1701))) {
            assertThat(reader.format()).isEqualTo(CaptureReader.Format.PCAPNG);
            while (reader.next() != null) {
                // drain
            }
            assertThat(reader.frameCount()).isEqualTo(40);
            assertThat(reader.next()).isNull();
        }
    }

    static List<CaptureRecord> readAll(String name, IntPredicate filter) throws Exception {
        List<CaptureRecord> records = new ArrayList<>();
        try (CaptureReader reader = CaptureReader.open(resource(name + ".pcapng"), filter)) {
            for (CaptureRecord r; (r = reader.next()) != null; ) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<Expected> expected(String name) throws IOException, URISyntaxException {
        List<Expected> result = new ArrayList<>();
        for (String line : Files.readAllLines(resource(name + ".expected.tsv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String[] epoch = f[1].split("\\.");
            result.add(new Expected(
                    Long.parseLong(f[0]),
                    Instant.ofEpochSecond(
                            Long.parseLong(epoch[0]), Long.parseLong((epoch[1] + "000000000").substring(0, 9))),
                    f[2],
                    f[3],
                    Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]),
                    Integer.parseInt(f[6])));
        }
        assertThat(result).isNotEmpty();
        return result;
    }

    private static Path resource(String file) throws URISyntaxException {
        URL url = RealCaptureTest.class.getResource("/captures/" + file);
        assertThat(url).as("test resource captures/%s", file).isNotNull();
        return Path.of(url.toURI());
    }

    private static InetSocketAddress socket(String literal, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }
}
