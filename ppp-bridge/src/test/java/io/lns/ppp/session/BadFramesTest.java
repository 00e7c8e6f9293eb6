package io.lns.ppp.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.frame.PppFrame;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.session.PppSessionTest.Link;
import io.lns.ppp.session.PppStats.BadFrame;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Whatever arrives, {@link PppSession#receive} never throws, and what it drops is counted by reason. */
class BadFramesTest {
    static final List<Integer> PROTOCOLS = List.of(
            PppFrame.LCP,
            PppFrame.PAP,
            PppFrame.CHAP,
            PppFrame.IPCP,
            PppFrame.IPV6CP,
            PppFrame.IPV4,
            PppFrame.IPV6,
            0x80FD, // CCP: not run
            0xC025); // LQR: not run

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    /** A link brought to a phase: before start, Establish, Authenticate (the verdict held back), up, down. */
    static List<Link> linksInEveryPhase(AuthProtocol auth) {
        Link notStarted = new Link(auth, "alice", "secret1");
        Link establishing = new Link(auth, "alice", "secret1");
        establishing.lns.start(establishing.clock.now);
        Link authenticating = new Link(auth, "alice", "secret1");
        authenticating.start();
        authenticating.run(false, 0);
        Link up = new Link(auth, "alice", "secret1");
        up.start();
        up.run(true, 0);
        Link down = new Link(auth, "alice", "secret1");
        down.start();
        down.run(true, 0);
        down.lns.lowerLayerDown(down.clock.now, "gone");
        return List.of(notStarted, establishing, authenticating, up, down);
    }

    @Test
    void garbageOfEveryProtocolInEveryPhaseNeverThrows() {
        SplittableRandom random = new SplittableRandom(42);
        for (AuthProtocol auth : AuthProtocol.values()) {
            for (Link link : linksInEveryPhase(auth)) {
                for (PppSession session : List.of(link.lns, link.peer)) {
                    long before = session.stats().framesReceived();
                    for (int protocol : PROTOCOLS) {
                        for (int i = 0; i < 150; i++) {
                            PppFrame frame = new PppFrame(protocol, garbage(random));
                            assertThatCode(() -> session.receive(frame, link.clock.now))
                                    .as("%s %s %s", auth, session, frame)
                                    .doesNotThrowAnyException();
                        }
                    }
                    assertThat(session.stats().framesReceived()).isEqualTo(before + 150L * PROTOCOLS.size());
                }
            }
        }
    }

    /** Random octets, half the time behind a plausible header so they get past the length checks. */
    static byte[] garbage(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(0, 40)];
        random.nextBytes(b);
        if (b.length >= 4 && random.nextBoolean()) {
            b[0] = (byte) random.nextInt(0, 12);
            b[2] = 0;
            b[3] = (byte) (4 + random.nextInt(0, b.length - 3));
        }
        return b;
    }

    @Test
    void eachKindOfBadFrameIsCountedOnAnUpSession() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.start();
        link.run(true, 0);
        PppSession lns = link.lns;
        link.lnsSink.sent.clear();

        Consumer<PppFrame> in = f -> lns.receive(f, link.clock.now);
        in.accept(new PppFrame(PppFrame.LCP, hex("0901")));
        in.accept(new PppFrame(PppFrame.IPCP, hex("")));
        in.accept(new PppFrame(PppFrame.LCP, hex("090100c8deadbeef"))); // Length 200, 8 octets
        in.accept(new PppFrame(PppFrame.CHAP, hex("02070003"))); // Length 3
        in.accept(new PppFrame(PppFrame.LCP, hex("2a010004"))); // code 42
        in.accept(new PppFrame(PppFrame.IPCP, hex("01050007030501"))); // option runs past the packet
        in.accept(new PppFrame(0x80FD, hex("01010004")));
        in.accept(new PppFrame(PppFrame.PAP, hex("01010006")));

        PppStats stats = lns.stats();
        assertThat(stats.badFrames(BadFrame.TRUNCATED)).isEqualTo(2);
        assertThat(stats.badFrames(BadFrame.BAD_LENGTH)).isEqualTo(2);
        assertThat(stats.badFrames(BadFrame.UNKNOWN_CODE)).isEqualTo(1);
        assertThat(stats.badFrames(BadFrame.BAD_CONTENT)).isEqualTo(1);
        assertThat(stats.badFrames(BadFrame.UNKNOWN_PROTOCOL)).isEqualTo(1);
        assertThat(stats.badFrames(BadFrame.WRONG_PHASE)).isEqualTo(1); // PAP after authentication
        assertThat(stats.badFramesTotal()).isEqualTo(8);
        List<Integer> replies = link.lnsSink.sent.stream()
                .map(f -> ControlPacket.decode(f.information()).code())
                .toList();
        assertThat(replies).containsExactly(ControlPacket.CODE_REJECT, ControlPacket.PROTOCOL_REJECT);
        assertThat(stats.framesSent()).isGreaterThanOrEqualTo(replies.size());
        assertThat(link.lnsSink.down).isNull();
    }

    @Test
    void framesAheadOfTheirPhaseAreCountedAndDropped() {
        Link link = new Link(AuthProtocol.PAP, "alice", "secret1");
        link.lns.start(link.clock.now);
        link.lns.receive(new PppFrame(PppFrame.IPCP, hex("01010004")), link.clock.now);
        link.lns.receive(new PppFrame(PppFrame.IPV4, hex("4500")), link.clock.now);
        link.lns.receive(new PppFrame(PppFrame.PAP, hex("01010006000000")), link.clock.now);
        assertThat(link.lns.stats().badFrames(BadFrame.WRONG_PHASE)).isEqualTo(3);
    }
}
