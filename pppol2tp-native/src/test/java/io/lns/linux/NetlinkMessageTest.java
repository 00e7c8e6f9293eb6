package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetlinkMessageTest {
    @Test
    void splitsADatagramIntoItsAlignedMessages() {
        ByteBuffer datagram = ByteBuffer.wrap(Hex.parse(
                        "14000000 1000 0200 07000000 99000000 01020300" + " 10000000 0300 0200 07000000 99000000"))
                .order(ByteOrder.nativeOrder());

        List<NetlinkMessage> messages = NetlinkMessage.parseAll(datagram);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).type()).isEqualTo(16);
        assertThat(messages.get(0).flags()).isEqualTo(NetlinkMessage.NLM_F_MULTI);
        assertThat(messages.get(0).seq()).isEqualTo(7);
        assertThat(messages.get(0).payload().limit()).isEqualTo(4);
        assertThat(messages.get(1).type()).isEqualTo(NetlinkMessage.NLMSG_DONE);
    }

    @Test
    void readsTheErrnoAndTheExtendedAckTextOfACappedError() {
        // nlmsgerr: error -22, the request's header only (CAPPED), then NLMSGERR_ATTR_MSG "bad\0".
        ByteBuffer datagram = ByteBuffer.wrap(Hex.parse("2c000000 0200 0003 05000000 00000000" + " eaffffff"
                        + " 20000000 1800 0506 05000000 00000000"
                        + " 0800 0100 62616400"))
                .order(ByteOrder.nativeOrder());

        NetlinkMessage error = NetlinkMessage.parseAll(datagram).get(0);

        assertThat(error.errorCode()).isEqualTo(Errno.EINVAL);
        assertThat(error.extendedAckMessage()).isEqualTo("bad");
    }

    @Test
    void anAckHasErrnoZeroAndNoText() {
        ByteBuffer datagram = ByteBuffer.wrap(Hex.parse(
                        "24000000 0200 0001 05000000 00000000" + " 00000000" + " 20000000 1000 0500 05000000 00000000"))
                .order(ByteOrder.nativeOrder());

        NetlinkMessage ack = NetlinkMessage.parseAll(datagram).get(0);

        assertThat(ack.errorCode()).isZero();
        assertThat(ack.extendedAckMessage()).isNull();
    }

    @Test
    void stopsAtATruncatedMessageInsteadOfReadingPastTheEnd() {
        ByteBuffer datagram = ByteBuffer.wrap(Hex.parse("40000000 1000 0000 01000000 00000000 0000"))
                .order(ByteOrder.nativeOrder());

        assertThat(NetlinkMessage.parseAll(datagram)).isEmpty();
    }

    @Test
    void attributesMaskTheNestedFlagAndStopAtABadLength() {
        ByteBuffer payload = ByteBuffer.wrap(
                        Hex.parse("0800 1280 01000000" + " 0900 0300 6c6e733000 000000" + " ff00 0100"))
                .order(ByteOrder.nativeOrder());

        List<NetlinkMessage.Attribute> attributes = NetlinkMessage.attributeList(payload, 0);

        assertThat(attributes).extracting(NetlinkMessage.Attribute::type).containsExactly(18, 3);
        assertThat(NetlinkMessage.string(attributes.get(1).value())).isEqualTo("lns0");
    }
}
