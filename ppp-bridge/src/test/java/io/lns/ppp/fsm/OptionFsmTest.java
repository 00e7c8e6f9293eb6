package io.lns.ppp.fsm;

import static io.lns.ppp.frame.ControlPacket.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ControlPacket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OptionFsmTest {
    private static final long SECOND = 1_000_000_000L;
    private static final byte[] OUR_REQUEST = {1, 4, 0, 1};
    private static final byte[] PEER_GOOD = {1, 4, 0, 2};
    private static final byte[] PEER_BAD = {1, 4, 0, 9};

    /** Option 1 with a 2-octet value: we ask for 1; the peer may ask anything but 9, which we Nak with 1. */
    static final class TestOption implements OptionHandler {
        boolean rejected;
        byte[] naked;

        @Override
        public int type() {
            return 1;
        }

        @Override
        public byte[] requestValue() {
            return rejected ? null : new byte[] {0, 1};
        }

        @Override
        public void naked(byte[] value) {
            naked = value;
        }

        @Override
        public void rejected() {
            rejected = true;
        }

        @Override
        public OptionVerdict check(byte[] value) {
            return Arrays.equals(value, new byte[] {0, 9}) ? OptionVerdict.nak(new byte[] {0, 1}) : OptionVerdict.ACK;
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private final TestOption option = new TestOption();
    private OptionFsm fsm;

    @BeforeEach
    void setUp() {
        fsm = new OptionFsm("TEST", 0xC021, new FsmConfig(Duration.ofSeconds(3), 10, 2, 5), sink);
        fsm.register(option);
    }

    private ControlPacket sentRequest() {
        ControlPacket p = sink.last();
        assertThat(p.code()).isEqualTo(CONFIGURE_REQUEST);
        return p;
    }

    private void toOpened() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_ACK, cr.identifier(), cr.data()), 0);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 50, PEER_GOOD), 0);
        assertThat(fsm.state()).isEqualTo(State.OPENED);
        sink.take();
        sink.events.clear();
    }

    @Test
    void openThenUpSendsConfigureRequestAndStartsRestartTimer() {
        fsm.open(0);
        assertThat(fsm.state()).isEqualTo(State.STARTING);
        assertThat(sink.events).containsExactly("started");
        fsm.up(0);
        assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
        assertThat(sentRequest().data()).isEqualTo(OUR_REQUEST);
        assertThat(sink.deadline).isEqualTo(3 * SECOND);
    }

    @Test
    void reqSentToAckRcvdToOpened() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_ACK, cr.identifier(), cr.data()), 1);
        assertThat(fsm.state()).isEqualTo(State.ACK_RCVD);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 7, PEER_GOOD), 2);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_ACK, 7, PEER_GOOD));
        assertThat(fsm.state()).isEqualTo(State.OPENED);
        assertThat(sink.events).containsExactly("started", "up");
        assertThat(sink.deadline).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void ackSentToOpened() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 7, PEER_GOOD), 1);
        assertThat(fsm.state()).isEqualTo(State.ACK_SENT);
        fsm.receive(new ControlPacket(CONFIGURE_ACK, cr.identifier(), cr.data()), 2);
        assertThat(fsm.state()).isEqualTo(State.OPENED);
        assertThat(sink.events).containsExactly("started", "up");
    }

    @Test
    void ackWithWrongIdentifierOrContentIsDiscarded() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_ACK, cr.identifier() + 1, cr.data()), 1);
        fsm.receive(new ControlPacket(CONFIGURE_ACK, cr.identifier(), PEER_GOOD), 1);
        assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
    }

    @Test
    void badPeerValueIsNakedWithSuggestionAndStaysInReqSent() {
        fsm.open(0);
        fsm.up(0);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 8, PEER_BAD), 1);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 8, OUR_REQUEST));
        assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
    }

    @Test
    void naksTurnIntoRejectsAfterMaxFailure() {
        fsm.open(0);
        fsm.up(0);
        for (int i = 0; i < 5; i++) {
            fsm.receive(new ControlPacket(CONFIGURE_REQUEST, i, PEER_BAD), 1);
            assertThat(sink.last().code()).isEqualTo(CONFIGURE_NAK);
        }
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 5, PEER_BAD), 1);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 5, PEER_BAD));
    }

    @Test
    void unknownOptionsAreRejectedEvenAlongsideNaks() {
        fsm.open(0);
        fsm.up(0);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 3, new byte[] {1, 4, 0, 9, 42, 3, 7}), 1);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 3, new byte[] {42, 3, 7}));
    }

    @Test
    void rejectedOptionIsLeftOutOfTheNextRequest() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_REJECT, cr.identifier(), OUR_REQUEST), 1);
        ControlPacket next = sentRequest();
        assertThat(next.identifier()).isNotEqualTo(cr.identifier());
        assertThat(next.data()).isEmpty();
        assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
    }

    @Test
    void nakOfOurOptionIsPassedToTheHandlerAndRequestResent() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket cr = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_NAK, cr.identifier(), new byte[] {1, 4, 0, 5}), 1);
        assertThat(option.naked).containsExactly(0, 5);
        assertThat(sink.take()).hasSize(2);
    }

    @Test
    void openedRenegotiatesOnConfigureRequest() {
        toOpened();
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 60, PEER_GOOD), 5);
        assertThat(sink.events).containsExactly("down:peer renegotiates");
        assertThat(sink.take()).extracting(ControlPacket::code).containsExactly(CONFIGURE_REQUEST, CONFIGURE_ACK);
        assertThat(fsm.state()).isEqualTo(State.ACK_SENT);
    }

    /**
     * A slow link: the peer's retransmitted request and our second Ack cross the first ones. Neither
     * copy renegotiates the link that just opened.
     */
    @Test
    void copiesOfTheExchangeThatOpenedTheLinkDoNotRenegotiate() {
        fsm.open(0);
        fsm.up(0);
        ControlPacket ours = sentRequest();
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 50, PEER_GOOD), 0);
        fsm.receive(new ControlPacket(CONFIGURE_ACK, ours.identifier(), ours.data()), 0);
        assertThat(fsm.state()).isEqualTo(State.OPENED);
        sink.take();
        sink.events.clear();
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 50, PEER_GOOD), 1); // the peer's retransmission
        assertThat(sink.take()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(CONFIGURE_ACK);
            assertThat(p.identifier()).isEqualTo(50);
        });
        fsm.receive(new ControlPacket(CONFIGURE_ACK, ours.identifier(), ours.data()), 1); // its second Ack
        assertThat(fsm.state()).isEqualTo(State.OPENED);
        assertThat(sink.events).isEmpty();
        assertThat(sink.take()).isEmpty();
    }

    @Test
    void retransmitsOnTimeoutUntilMaxConfigureThenStops() {
        fsm.open(0);
        fsm.up(0);
        for (long t = 1; t <= 9; t++) {
            fsm.tick(t * 3 * SECOND - 1);
            fsm.tick(t * 3 * SECOND);
            assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
        }
        assertThat(sink.sent).hasSize(10).allMatch(p -> p.code() == CONFIGURE_REQUEST);
        assertThat(sink.sent.stream().map(ControlPacket::identifier).distinct())
                .as("retransmissions keep the identifier")
                .hasSize(1);
        fsm.tick(30 * SECOND);
        assertThat(sink.sent).hasSize(10);
        assertThat(fsm.state()).isEqualTo(State.STOPPED);
        assertThat(sink.events).containsExactly("started", "finished:no answer to Configure-Request");
    }

    @Test
    void closeFromOpenedSendsTerminateRequestAndClosesOnTerminateAck() {
        toOpened();
        fsm.close(10, "admin");
        ControlPacket tr = sink.last();
        assertThat(tr.code()).isEqualTo(TERMINATE_REQUEST);
        assertThat(fsm.state()).isEqualTo(State.CLOSING);
        assertThat(sink.events).containsExactly("down:admin");
        fsm.receive(new ControlPacket(TERMINATE_ACK, tr.identifier(), new byte[0]), 11);
        assertThat(fsm.state()).isEqualTo(State.CLOSED);
        assertThat(sink.events).containsExactly("down:admin", "finished:admin");
    }

    @Test
    void closingRetriesTerminateRequestMaxTerminateTimes() {
        toOpened();
        fsm.close(0, "admin");
        fsm.tick(3 * SECOND);
        fsm.tick(6 * SECOND);
        assertThat(sink.sent).extracting(ControlPacket::code).containsExactly(TERMINATE_REQUEST, TERMINATE_REQUEST);
        assertThat(fsm.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void terminateRequestInOpenedIsAckedAndStopsAfterOneTimeout() {
        toOpened();
        fsm.receive(new ControlPacket(TERMINATE_REQUEST, 77, new byte[0]), 1);
        assertThat(sink.last()).isEqualTo(new ControlPacket(TERMINATE_ACK, 77, new byte[0]));
        assertThat(fsm.state()).isEqualTo(State.STOPPING);
        assertThat(sink.events).containsExactly("down:peer sent Terminate-Request");
        fsm.tick(1 + 3 * SECOND);
        assertThat(fsm.state()).isEqualTo(State.STOPPED);
        assertThat(sink.events).last().asString().startsWith("finished:");
    }

    @Test
    void unknownCodeIsCodeRejected() {
        toOpened();
        ControlPacket odd = new ControlPacket(99, 4, new byte[] {1, 2});
        fsm.receive(odd, 1);
        assertThat(sink.last().code()).isEqualTo(CODE_REJECT);
        assertThat(sink.last().data()).isEqualTo(odd.encode());
        assertThat(fsm.state()).isEqualTo(State.OPENED);
    }

    @Test
    void codeRejectOfConfigureRequestIsCatastrophic() {
        toOpened();
        fsm.receive(new ControlPacket(CODE_REJECT, 4, new byte[] {1, 1, 0, 4}), 1);
        assertThat(fsm.state()).isEqualTo(State.STOPPING);
        assertThat(sink.last().code()).isEqualTo(TERMINATE_REQUEST);
    }

    @Test
    void lowerLayerDownFromOpenedGoesToStarting() {
        toOpened();
        fsm.down(1);
        assertThat(fsm.state()).isEqualTo(State.STARTING);
        assertThat(sink.events).containsExactly("down:lower layer down");
    }

    @Test
    void configureRequestInClosedIsAnsweredWithTerminateAck() {
        fsm.up(0);
        assertThat(fsm.state()).isEqualTo(State.CLOSED);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 3, PEER_GOOD), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(TERMINATE_ACK, 3, new byte[0]));
    }

    @Test
    void malformedOptionsAreSilentlyDiscarded() {
        fsm.open(0);
        fsm.up(0);
        sink.take();
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 3, new byte[] {1, 9, 0}), 0);
        assertThat(sink.sent).isEmpty();
    }
}
