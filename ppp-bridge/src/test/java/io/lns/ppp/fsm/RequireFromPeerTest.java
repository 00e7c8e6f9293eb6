package io.lns.ppp.fsm;

import static io.lns.ppp.frame.ControlPacket.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.ppp.frame.ControlPacket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link OptionHandler#requireFromPeer()} hook: options the peer left out are Nak'ed in. */
class RequireFromPeerTest {
    /** Option 2, never requested by us, that the peer must request (we suggest 0x0007). */
    static final class Required implements OptionHandler {
        @Override
        public int type() {
            return 2;
        }

        @Override
        public byte[] requestValue() {
            return null;
        }

        @Override
        public void naked(byte[] value) {}

        @Override
        public void rejected() {}

        @Override
        public OptionVerdict check(byte[] value) {
            return OptionVerdict.ACK;
        }

        @Override
        public Optional<byte[]> requireFromPeer() {
            return Optional.of(new byte[] {0, 7});
        }
    }

    private final RecordingSink sink = new RecordingSink();
    private OptionFsm fsm;

    @BeforeEach
    void setUp() {
        fsm = new OptionFsm("TEST", 0x8021, new FsmConfig(Duration.ofSeconds(3), 10, 2, 2), sink);
        fsm.register(new OptionFsmTest.TestOption()).register(new Required());
        fsm.open(0);
        fsm.up(0);
        sink.take();
    }

    @Test
    void missingRequiredOptionIsNaked() {
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 5, new byte[] {1, 4, 0, 2}), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 5, new byte[] {2, 4, 0, 7}));
        assertThat(fsm.state()).isEqualTo(State.REQ_SENT);
    }

    @Test
    void requiredOptionIsAddedAfterOtherNaks() {
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 5, new byte[] {1, 4, 0, 9}), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_NAK, 5, new byte[] {1, 4, 0, 1, 2, 4, 0, 7}));
    }

    @Test
    void presentRequiredOptionIsAcked() {
        byte[] request = {1, 4, 0, 2, 2, 4, 0, 7};
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 5, request), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_ACK, 5, request));
    }

    @Test
    void notAddedToARejectAndDroppedAtMaxFailure() {
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 5, new byte[] {9, 2}), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_REJECT, 5, new byte[] {9, 2}));
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 6, new byte[0]), 0);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 7, new byte[0]), 0);
        assertThat(sink.take())
                .extracting(ControlPacket::code)
                .containsExactly(CONFIGURE_REJECT, CONFIGURE_NAK, CONFIGURE_NAK);
        fsm.receive(new ControlPacket(CONFIGURE_REQUEST, 8, new byte[0]), 0);
        assertThat(sink.last()).isEqualTo(new ControlPacket(CONFIGURE_ACK, 8, new byte[0]));
    }
}
