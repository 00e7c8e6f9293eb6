package io.lns.l2tp.control;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.MessageCatalogue;
import io.lns.l2tp.message.MessageCatalogue.Violation;
import io.lns.l2tp.message.ResultCodes;
import java.util.Optional;

/**
 * Decides whether a delivered control message may be acted on (RFC 2661 §4.2): an unrecognized
 * AVP with the M bit, a mandatory AVP whose value is invalid or still hidden, a missing required
 * AVP. The caller ends the session or the tunnel, whichever the message belongs to. Unrecognized
 * AVPs without M, misplaced and repeated AVPs are tolerated.
 */
final class AvpPolicy {
    private AvpPolicy() {}

    static Optional<Refusal> check(ControlMessage m) {
        for (Avp avp : m.avps()) {
            if (!avp.mandatory()) continue;
            if (avp.value() instanceof UnrecognizedValue) {
                return Optional.of(new Refusal(
                        2,
                        ResultCodes.ERROR_UNKNOWN_MANDATORY_AVP,
                        "unknown mandatory AVP " + avp.vendorId() + "/" + avp.type()));
            }
            if (avp.value() instanceof InvalidValue iv) {
                String name = AvpDictionary.standard().name(avp.vendorId(), avp.type());
                int error = iv.detail().contains("octets") ? ResultCodes.ERROR_BAD_LENGTH : ResultCodes.ERROR_BAD_VALUE;
                return Optional.of(new Refusal(2, error, name + ": " + iv.detail()));
            }
        }
        for (Violation v : MessageCatalogue.check(m, AvpDictionary.standard())) {
            if (v.kind() == Violation.Kind.MISSING || v.kind() == Violation.Kind.MESSAGE_TYPE_NOT_FIRST) {
                return Optional.of(new Refusal(2, ResultCodes.ERROR_VENDOR_SPECIFIC, v.detail()));
            }
        }
        return Optional.empty();
    }
}
