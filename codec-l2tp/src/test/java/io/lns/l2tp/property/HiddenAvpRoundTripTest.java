package io.lns.l2tp.property;

import static io.lns.l2tp.property.AvpGenerators.between;
import static io.lns.l2tp.property.Properties.DECODER;
import static io.lns.l2tp.property.Properties.decodeControl;
import static io.lns.l2tp.property.Properties.encode;
import static io.lns.l2tp.property.Properties.qt;
import static org.assertj.core.api.Assertions.assertThat;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.InvalidValue.Problem;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.hidden.HidingKey;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.ControlMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Hidden AVPs (RFC 2661 §4.3) come back with the right secret, and only with it. */
class HiddenAvpRoundTripTest {

    /** A message with some typed AVPs marked hidden, the secret and the seed of the hiding key. */
    record Case(ControlMessage message, byte[] secret, long seed) {
        TunnelSecret tunnelSecret() {
            return TunnelSecret.of(secret);
        }

        /** Another secret: one octet changed, or one more octet. */
        TunnelSecret wrongSecret() {
            byte[] other =
                    secret.length > 0 && seed % 2 == 0 ? secret.clone() : Arrays.copyOf(secret, secret.length + 1);
            other[(int) Math.floorMod(seed, (long) other.length)] ^= 0x5A;
            return TunnelSecret.of(other);
        }

        @Override
        public String toString() {
            return "Case[secret=" + Arrays.toString(secret) + ", seed=" + seed + ", message=" + message + "]";
        }
    }

    static Gen<Case> cases() {
        Gen<Avp> typed = AvpGenerators.typedAvp(AvpGenerators.MAX_HIDDEN_VALUE);
        Gen<Avp> raw = AvpGenerators.rawAvp();
        Gen<Avp> avps = in -> {
            if (between(in, 0, 5) == 0) return raw.generate(in);
            Avp a = typed.generate(in);
            return between(in, 0, 2) > 0 ? a.withHidden(true) : a;
        };
        Gen<ControlMessage> messages = AvpGenerators.controlMessage(avps);
        return in -> {
            byte[] secret = new byte[(int) between(in, 1, 40)];
            for (int i = 0; i < secret.length; i++) secret[i] = (byte) between(in, 0, 255);
            return new Case(messages.generate(in), secret, between(in, Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
        };
    }

    @Test
    void hiddenAvpsRoundTripWithTheSecret() {
        qt(2_000).forAll(cases()).checkAssert(c -> {
            byte[] wire = encode(c.message(), new HidingKey(c.tunnelSecret(), new Random(c.seed())));
            List<Avp> decoded = withoutAddedRandomVector(
                    c.message().avps(), decodeControl(wire, c.tunnelSecret()).avps());
            assertThat(decoded).isEqualTo(c.message().avps());
        });
    }

    @Test
    void aWrongSecretNeverGivesTheOriginalValue() {
        qt(2_000).forAll(cases()).checkAssert(c -> {
            byte[] wire = encode(c.message(), new HidingKey(c.tunnelSecret(), new Random(c.seed())));
            List<Avp> original = c.message().avps();
            List<Avp> decoded = withoutAddedRandomVector(
                    original, decodeControl(wire, c.wrongSecret()).avps());
            assertThat(decoded).hasSameSizeAs(original);
            for (int i = 0; i < original.size(); i++) {
                Avp want = original.get(i);
                Avp got = decoded.get(i);
                if (!(want.hidden() && want.decoded())) {
                    assertThat(got).isEqualTo(want);
                    continue;
                }
                assertThat(got.hidden()).isTrue();
                assertThat(got.type()).isEqualTo(want.type());
                if (got.value() instanceof InvalidValue iv) {
                    assertThat(iv.problem()).isIn(Problem.HIDDEN_WRONG_SECRET, Problem.MALFORMED);
                } else if (!emptyValue(want.value())) {
                    // A wrong secret reveals a random length; by chance it fits and the random octets
                    // parse. They must still not pass for the sender's value.
                    assertThat(got.value()).isNotEqualTo(want.value());
                }
            }
        });
    }

    @Test
    void withoutASecretHiddenAvpsWaitForReveal() {
        qt(2_000).forAll(cases()).checkAssert(c -> {
            byte[] wire = encode(c.message(), new HidingKey(c.tunnelSecret(), new Random(c.seed())));
            ControlMessage noSecret = decodeControl(wire, null);
            for (Avp avp : noSecret.avps()) {
                if (avp.hidden() && typedByDictionary(avp)) {
                    assertThat(avp.value())
                            .isInstanceOfSatisfying(
                                    InvalidValue.class,
                                    iv -> assertThat(iv.problem()).isEqualTo(Problem.HIDDEN_NO_SECRET));
                }
            }
            ControlMessage revealed = DECODER.reveal(noSecret, c.tunnelSecret());
            assertThat(revealed).isEqualTo(decodeControl(wire, c.tunnelSecret()));
            assertThat(withoutAddedRandomVector(c.message().avps(), revealed.avps()))
                    .isEqualTo(c.message().avps());
        });
    }

    /** True for values with no octets: there is nothing a wrong secret could garble. */
    private static boolean emptyValue(AvpValue value) {
        return value.getClass().getRecordComponents().length == 0;
    }

    /**
     * The encoder adds a Random Vector (16 octets, M bit set) before the first hidden AVP that has
     * no Random Vector ahead of it; checks it is there and returns the list without it.
     */
    static List<Avp> withoutAddedRandomVector(List<Avp> original, List<Avp> decoded) {
        int at = -1;
        for (int i = 0; i < original.size(); i++) {
            Avp a = original.get(i);
            if (!a.hidden() && a.value() instanceof RandomVector) break;
            if (a.hidden() && a.decoded()) {
                at = i;
                break;
            }
        }
        if (at < 0) return decoded;
        assertThat(decoded).hasSize(original.size() + 1);
        Avp added = decoded.get(at);
        assertThat(added.hidden()).isFalse();
        assertThat(added.mandatory()).isTrue();
        assertThat(added.value())
                .isInstanceOfSatisfying(
                        RandomVector.class,
                        rv -> assertThat(rv.value().length()).isEqualTo(HidingKey.RANDOM_VECTOR_LENGTH));
        List<Avp> out = new ArrayList<>(decoded);
        out.remove(at);
        return out;
    }

    /** Whether the dictionary types this AVP (so a hidden one needs the secret). */
    private static boolean typedByDictionary(Avp avp) {
        return avp.reservedBits() == 0 && AvpDictionary.standard().find(avp.vendorId(), avp.type()) != null;
    }
}
