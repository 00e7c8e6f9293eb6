package io.lns.loadtest.ip;

import static io.lns.loadtest.ip.PacketCodecTest.ip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The subscriber's IP stack and its probes, on a fake clock. */
class IpStackTest {
    private static final long MS = 1_000_000L;
    private static final int US = ip("100.64.0.10");
    private static final int GW = ip("100.64.0.1");

    private final List<byte[]> sent = new ArrayList<>();
    private final IpCounters counters = new IpCounters();
    private final IpStack stack = new IpStack(US, sent::add, 100, counters);
    private final List<String> tally = new ArrayList<>();
    private final ProbeStream.Tally recorder = new ProbeStream.Tally() {
        @Override
        public void sent(ProbeStream.Kind kind) {
            tally.add("sent " + kind);
        }

        @Override
        public void replied(ProbeStream.Kind kind, long rttNanos) {
            tally.add("replied " + kind + " " + rttNanos / MS + "ms");
        }

        @Override
        public void late(ProbeStream.Kind kind) {
            tally.add("late " + kind);
        }
    };

    @Test
    void answersAnEchoRequestToItsAddressWithCorrectChecksums() {
        IcmpEcho request = new IcmpEcho(false, 0x4242, 9, new byte[] {1, 2, 3});
        stack.receive(new Ipv4Packet(1, false, 64, Ipv4Packet.ICMP, GW, US, request.encode()).encode(), 0);

        assertThat(sent).hasSize(1);
        Ipv4Packet reply = Ipv4Packet.decode(sent.get(0)); // verifies the header checksum
        assertThat(reply.source()).isEqualTo(US);
        assertThat(reply.destination()).isEqualTo(GW);
        assertThat(reply.identification()).isEqualTo(100);
        assertThat(IcmpEcho.decode(reply.payload())).contains(request.toReply()); // and the ICMP one
        assertThat(counters.echoRequestsAnswered()).isEqualTo(1);
    }

    @Test
    void countsWhatItCannotUseAndNeverThrows() {
        stack.receive(new byte[] {0x45, 0}, 0);
        stack.receive(new Ipv4Packet(1, false, 64, Ipv4Packet.ICMP, GW, ip("1.2.3.4"), new byte[8]).encode(), 0);
        byte[] badIcmp = new IcmpEcho(false, 1, 1, new byte[0]).encode();
        badIcmp[2] ^= 1;
        stack.receive(new Ipv4Packet(1, false, 64, Ipv4Packet.ICMP, GW, US, badIcmp).encode(), 0);
        stack.receive(new Ipv4Packet(1, false, 64, 6, GW, US, new byte[20]).encode(), 0);

        assertThat(sent).isEmpty();
        assertThat(counters.received()).isEqualTo(4);
        assertThat(counters.malformed()).isEqualTo(2);
        assertThat(counters.notForUs()).isEqualTo(1);
        assertThat(counters.unmatched()).isEqualTo(1);
    }

    @Test
    void pingsAtTheRateAndMatchesRepliesForLatencyAndLoss() {
        ProbeStream ping =
                new ProbeStream(ProbeStream.Kind.ICMP_ECHO, stack, GW, 0, 0, 77, 4, 100 * MS, 300 * MS, 0, recorder);
        ping.start(0);
        assertThat(sent).hasSize(1);
        assertThat(ping.nextWakeup()).isEqualTo(100 * MS);

        ping.tick(100 * MS);
        ping.tick(250 * MS); // probe 2 was due at 200 ms: it goes now
        assertThat(sent).hasSize(3);
        ping.tick(300 * MS); // probe 3; probe 0 (sent at 0) is lost now
        assertThat(sent).hasSize(4);
        assertThat(ping.nextWakeup()).isEqualTo(400 * MS); // probe 1 expires at 100 + 300 ms

        // replies: seq 1 after 20 ms of flight (sent at 100 ms), seq 3 twice, seq 0 never
        stack.receive(replyTo(sent.get(1), GW), 120 * MS);
        stack.receive(replyTo(sent.get(3), GW), 310 * MS);
        stack.receive(replyTo(sent.get(3), GW), 311 * MS);
        // a reply from elsewhere is not ours
        stack.receive(replyTo(sent.get(2), ip("9.9.9.9")), 312 * MS);

        assertThat(ping.done()).isFalse();
        for (long t = 300 * MS; ping.nextWakeup() != ProbeStream.NEVER && t < 2000 * MS; t = ping.nextWakeup()) {
            ping.tick(t);
        }
        assertThat(ping.done()).isTrue();
        assertThat(tally)
                .containsExactly(
                        "sent ICMP_ECHO",
                        "sent ICMP_ECHO",
                        "sent ICMP_ECHO",
                        "sent ICMP_ECHO",
                        "replied ICMP_ECHO 20ms",
                        "replied ICMP_ECHO 10ms",
                        "late ICMP_ECHO");
        assertThat(counters.unmatched()).isEqualTo(1);
        IcmpEcho first =
                IcmpEcho.decode(Ipv4Packet.decode(sent.get(0)).payload()).orElseThrow();
        assertThat(first.identifier()).isEqualTo(77);
        assertThat(first.sequence()).isZero();
        assertThat(first.data()).hasSize(ProbeStream.ICMP_DATA);
    }

    @Test
    void udpProbesAreMatchedByPortTagAndSequence() {
        int server = ip("192.0.2.7");
        ProbeStream udp =
                new ProbeStream(ProbeStream.Kind.UDP, stack, server, 7, 4000, 5, 2, 10 * MS, 500 * MS, 32, recorder);
        udp.start(0);
        udp.tick(10 * MS);
        assertThat(sent).hasSize(2);
        Ipv4Packet p = Ipv4Packet.decode(sent.get(1));
        UdpDatagram d = UdpDatagram.decode(p.source(), p.destination(), p.payload());
        assertThat(d.sourcePort()).isEqualTo(4000);
        assertThat(d.destinationPort()).isEqualTo(7);
        assertThat(d.payload()).hasSize(32);

        // an echo service swaps addresses and ports and returns the payload
        UdpDatagram echo = new UdpDatagram(7, 4000, d.payload());
        stack.receive(
                new Ipv4Packet(3, false, 64, Ipv4Packet.UDP, server, US, echo.encode(server, US)).encode(), 15 * MS);
        assertThat(tally).containsExactly("sent UDP", "sent UDP", "replied UDP 5ms");
    }

    /** What a host at {@code from} answers to our Echo request. */
    private static byte[] replyTo(byte[] request, int from) {
        Ipv4Packet p = Ipv4Packet.decode(request);
        IcmpEcho e = IcmpEcho.decode(p.payload()).orElseThrow();
        return new Ipv4Packet(
                        9,
                        false,
                        64,
                        Ipv4Packet.ICMP,
                        from,
                        p.source(),
                        e.toReply().encode())
                .encode();
    }
}
