package io.lns.l2tp.avp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.l2tp.avp.AccessLineAvps.AgentCircuitId;
import io.lns.l2tp.avp.AccessLineAvps.AgentRemoteId;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

/**
 * Regression: value records must refuse what their codec refuses, or the encoder puts AVPs on the
 * wire that the decoder (ours and the peer's) rejects. Found by the control message round-trip
 * property: an empty Random Vector, Agent-Circuit-Id or Agent-Remote-Id encoded fine and came back
 * as a MALFORMED {@link InvalidValue}.
 */
class ValueConstraintsTest {

    @Test
    void emptyRandomVectorIsRefused() {
        assertThatThrownBy(() -> new RandomVector(Octets.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyAgentIdsAreRefused() {
        assertThatThrownBy(() -> new AgentCircuitId("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentRemoteId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shortestAcceptedValuesDecode() throws AvpValueException {
        assertThat(roundTrip(new RandomVector(Octets.of((byte) 7)))).isEqualTo(new RandomVector(Octets.of((byte) 7)));
        assertThat(roundTrip(new AgentCircuitId("x"))).isEqualTo(new AgentCircuitId("x"));
        assertThat(roundTrip(new AgentRemoteId("y"))).isEqualTo(new AgentRemoteId("y"));
    }

    private static AvpValue roundTrip(AvpValue value) throws AvpValueException {
        AvpDescriptor<?> d = AvpDictionary.standard().forValueClass(value.getClass());
        ByteBuf buf = Unpooled.buffer();
        try {
            d.encodeValue(value, buf);
            return d.codec().decode(buf, 0, buf.readableBytes());
        } finally {
            buf.release();
        }
    }
}
