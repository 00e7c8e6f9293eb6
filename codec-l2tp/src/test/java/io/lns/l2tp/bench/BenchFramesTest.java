package io.lns.l2tp.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.MessageCatalogue;
import io.netty.buffer.Unpooled;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark inputs are what they claim to be: valid messages that re-encode exactly. */
class BenchFramesTest {

    @ParameterizedTest
    @ValueSource(strings = {"SCCRQ", "ICRQ", "ICCN", "HELLO", "ZLB"})
    void controlFramesDecodeValidAndReEncode(String name) throws Exception {
        byte[] wire = ControlMessageBenchmark.wire(name);
        ControlMessage m = (ControlMessage) L2tpPacketDecoder.standard().decode(Unpooled.wrappedBuffer(wire));
        Optional<ControlMessageType> expected =
                name.equals("ZLB") ? Optional.empty() : Optional.of(ControlMessageType.valueOf(name));
        assertThat(m.type()).isEqualTo(expected);
        assertThat(MessageCatalogue.check(m, AvpDictionary.standard())).isEmpty();
        assertThat(BenchFrames.encode(m)).isEqualTo(wire);

        ControlMessageBenchmark bench = new ControlMessageBenchmark();
        bench.message = name;
        bench.setUp();
        bench.tearDown();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "length"})
    void dataFramesAreDataMessages(String name) throws Exception {
        DataHeaderBenchmark bench = new DataHeaderBenchmark();
        bench.header = name;
        for (String alloc : new String[] {"adaptive", "pooled"}) {
            bench.alloc = alloc;
            bench.setUp();
            bench.tearDown();
        }
        L2tpHeaderReader reader = new L2tpHeaderReader();
        String hex = name.equals("plain") ? BenchFrames.DATA_PLAIN_HEX : BenchFrames.DATA_LENGTH_HEX;
        reader.read(Unpooled.wrappedBuffer(BenchFrames.hex(hex)));
        assertThat(reader.control()).isFalse();
        assertThat(reader.headerLength()).isEqualTo(name.equals("plain") ? 6 : 8);
    }
}
