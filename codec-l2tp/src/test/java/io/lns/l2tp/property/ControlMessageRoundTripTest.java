package io.lns.l2tp.property;

import static io.lns.l2tp.property.Properties.decodeControl;
import static io.lns.l2tp.property.Properties.encode;
import static io.lns.l2tp.property.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.message.ControlMessage;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Control messages survive encode → decode, and decode → encode gives the same octets. */
class ControlMessageRoundTripTest {

    @Test
    void everyStandardAvpHasAGenerator() {
        var dictionaryClasses = AvpGenerators.standardDescriptors().stream()
                .map(AvpDescriptor::valueClass)
                .collect(Collectors.toSet());
        assertThat(dictionaryClasses)
                .hasSize(AvpGenerators.standardDescriptors().size());
        assertThat(AvpGenerators.generatedClasses()).containsExactlyInAnyOrderElementsOf(dictionaryClasses);
    }

    @Test
    void randomControlMessagesRoundTrip() {
        qt(5_000).forAll(AvpGenerators.controlMessage(AvpGenerators.anyAvp())).checkAssert(this::roundTrips);
    }

    /** Each AVP type on its own, so every one meets its edge values and sizes. */
    @Test
    void eachTypedAvpRoundTrips() {
        for (AvpDescriptor<?> d : AvpGenerators.standardDescriptors()) {
            Gen<AvpValue> values = AvpGenerators.valueOf(d.valueClass(), AvpGenerators.MAX_VALUE);
            Gen<ControlMessage> messages = AvpGenerators.controlHeader()
                    .zip(
                            values,
                            AvpGenerators.anyAvp(),
                            (header, value, other) -> new ControlMessage(
                                    header,
                                    List.of(
                                            Avp.of(new io.lns.l2tp.avp.MessageAvps.MessageType(10)),
                                            Avp.of(value),
                                            other,
                                            Avp.of(value).withMandatory(!d.mandatoryByDefault()))));
            qt(500).forAll(messages).checkAssert(this::roundTrips);
        }
    }

    private void roundTrips(ControlMessage message) {
        byte[] wire = encode(message, null);
        ControlMessage decoded = decodeControl(wire, null);
        assertThat(decoded.header()).isEqualTo(message.header().withLength(wire.length));
        assertThat(decoded.avps()).isEqualTo(message.avps());
        assertThat(encode(decoded, null)).isEqualTo(wire);
    }
}
