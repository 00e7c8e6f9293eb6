package io.lns.server.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged input must never make the reader throw anything but {@link CaptureFormatException} from
 * {@code open}, nor loop: every file is cut at every length and mutated at random (fixed seed).
 */
class CaptureReaderRobustnessTest {

    @TempDir
    Path dir;

    @Test
    void everyTruncationOfAPcapngFile() throws Exception {
        byte[] file = Files.readAllBytes(resource("xl2tpd-lac_to_l2tpns_no-ppp.pcapng"));
        for (int length = 0; length <= file.length; length++) {
            Outcome o = read(Arrays.copyOf(file, length));
            if (length >= 0xb4) { // the section header block is whole
                assertThat(o.opened).as("cut at %d", length).isTrue();
            }
        }
        Outcome whole = read(file);
        assertThat(whole.datagrams).isEqualTo(13);
        assertThat(whole.errors).isZero();
    }

    @Test
    void everyTruncationOfAPcapFile() throws Exception {
        byte[] first = Packets.ethernet(
                Packets.ETHERTYPE_IPV4,
                Packets.ipv4("10.0.0.1", "10.0.0.2", 17, Packets.udp(1701, 1701, Packets.payload(30, 0))));
        byte[] second = Packets.ethernet(
                Packets.ETHERTYPE_IPV6,
                Packets.ipv6("::1", "::2", 17, Packets.udp(1701, 1701, Packets.payload(30, 0))));
        byte[] file = new CaptureFiles.Pcap(ByteOrder.LITTLE_ENDIAN, false, 1)
                .packet(1, 0, first)
                .packet(2, 0, second)
                .bytes();
        int recordBoundary = 24 + 16 + first.length;
        for (int length = 0; length < file.length; length++) {
            Outcome o = read(Arrays.copyOf(file, length));
            assertThat(o.opened).as("cut at %d", length).isEqualTo(length >= 24);
            // A cut at a record boundary looks like a shorter, complete file.
            if (length > 24 && length != recordBoundary) {
                assertThat(o.lastWasError).as("cut at %d", length).isTrue();
            }
            assertThat(o.datagrams).as("cut at %d", length).isEqualTo(length >= recordBoundary ? 1 : 0);
        }
        assertThat(read(file).datagrams).isEqualTo(2);
    }

    @Test
    void randomMutationsOfRealCaptures() throws Exception {
        Random random = new Random(1701);
        for (String name : new String[] {"xl2tpd-lac_to_l2tpns_full-ppp.pcapng", "generateload_to_l2tpns.pcapng"}) {
            byte[] original = Files.readAllBytes(resource(name));
            for (int round = 0; round < 300; round++) {
                byte[] mutated = original.clone();
                int changes = 1 + random.nextInt(8);
                for (int i = 0; i < changes; i++) {
                    int at = random.nextInt(mutated.length);
                    switch (random.nextInt(3)) {
                        case 0 -> mutated[at] = (byte) random.nextInt(256);
                        case 1 -> mutated[at] ^= (byte) (1 << random.nextInt(8));
                        default -> mutated[at] = (byte) (random.nextBoolean() ? 0 : 0xff);
                    }
                }
                read(mutated);
            }
        }
    }

    @Test
    void randomBytesAfterAValidHeader() throws Exception {
        Random random = new Random(2661);
        byte[] pcapHeader = new CaptureFiles.Pcap(ByteOrder.BIG_ENDIAN, true, 1).bytes();
        byte[] pcapngHeader =
                new CaptureFiles.Pcapng().section(ByteOrder.LITTLE_ENDIAN).bytes();
        for (int round = 0; round < 300; round++) {
            byte[] noise = new byte[random.nextInt(2000)];
            random.nextBytes(noise);
            assertThat(read(Packets.concat(pcapHeader, noise)).opened).isTrue();
            assertThat(read(Packets.concat(pcapngHeader, noise)).opened).isTrue();
        }
    }

    private static final class Outcome {
        boolean opened;
        int datagrams;
        int errors;
        boolean lastWasError;
    }

    /** Reads everything; fails the test on any unexpected exception, internal error or endless loop. */
    private Outcome read(byte[] content) throws IOException {
        Path file = dir.resolve("fuzz.pcap");
        Files.write(file, content);
        Outcome outcome = new Outcome();
        try (CaptureReader reader = CaptureReader.open(file, null)) {
            outcome.opened = true;
            long previous = 0;
            for (CaptureRecord r; (r = reader.next()) != null; ) {
                assertThat(r.frameNumber()).isGreaterThan(previous - 1).isLessThanOrEqualTo(reader.frameCount() + 1);
                previous = r.frameNumber();
                outcome.lastWasError = r instanceof CaptureFrameError;
                if (r instanceof CaptureFrameError e) {
                    assertThat(e.reason()).doesNotContain("internal error");
                    outcome.errors++;
                } else {
                    outcome.datagrams++;
                }
                assertThat(outcome.datagrams + outcome.errors)
                        .as("more records than bytes: endless loop?")
                        .isLessThanOrEqualTo(content.length);
            }
            assertThat(reader.next()).isNull();
        } catch (CaptureFormatException e) {
            assertThat(e.offset()).isBetween(0L, (long) content.length);
            assertThat(e.file()).isEqualTo(file);
        }
        return outcome;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CaptureReaderRobustnessTest.class
                .getResource("/captures/" + name)
                .toURI());
    }
}
