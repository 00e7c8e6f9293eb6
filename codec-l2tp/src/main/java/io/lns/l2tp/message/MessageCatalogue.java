package io.lns.l2tp.message;

import static io.lns.l2tp.message.ControlMessageType.CDN;
import static io.lns.l2tp.message.ControlMessageType.CSUN;
import static io.lns.l2tp.message.ControlMessageType.CSURQ;
import static io.lns.l2tp.message.ControlMessageType.HELLO;
import static io.lns.l2tp.message.ControlMessageType.ICCN;
import static io.lns.l2tp.message.ControlMessageType.ICRP;
import static io.lns.l2tp.message.ControlMessageType.ICRQ;
import static io.lns.l2tp.message.ControlMessageType.OCCN;
import static io.lns.l2tp.message.ControlMessageType.OCRP;
import static io.lns.l2tp.message.ControlMessageType.OCRQ;
import static io.lns.l2tp.message.ControlMessageType.SCCCN;
import static io.lns.l2tp.message.ControlMessageType.SCCRP;
import static io.lns.l2tp.message.ControlMessageType.SCCRQ;
import static io.lns.l2tp.message.ControlMessageType.SLI;
import static io.lns.l2tp.message.ControlMessageType.StopCCN;
import static io.lns.l2tp.message.ControlMessageType.WEN;

import io.lns.l2tp.avp.AccessLineAvps;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which AVPs each control message must, may and must not carry (RFC 2661 §6; RFC 3145 adds the
 * PPP Disconnect Cause Code to CDN, RFC 5515 the access line AVPs to ICRQ and Connect Speed Update
 * to CSUN/CSURQ). AVPs this catalogue does not know (vendor-specific, later extensions) are left
 * to the §4.2 rules and never reported here.
 */
public final class MessageCatalogue {

    /** The AVP rules of one message type, as (vendor, type) keys. */
    public record Rule(ControlMessageType type, Set<Long> required, Set<Long> optional) {
        public boolean allows(int vendorId, int avpType) {
            long key = AvpDescriptor.key(vendorId, avpType);
            return required.contains(key) || optional.contains(key);
        }
    }

    /** One thing wrong with a message's AVP list, named for logs and counters. */
    public record Violation(Kind kind, int vendorId, int avpType, String detail) {
        public enum Kind {
            EMPTY,
            MESSAGE_TYPE_NOT_FIRST,
            UNKNOWN_MESSAGE_TYPE,
            MISSING,
            NOT_ALLOWED,
            DUPLICATE,
            INVALID_VALUE
        }

        @Override
        public String toString() {
            return kind + ": " + detail;
        }
    }

    private static final int MESSAGE_TYPE = 0;
    private static final int RANDOM_VECTOR = 36;
    private static final int BBF = AccessLineAvps.VENDOR_BROADBAND_FORUM;
    private static final int[] ACCESS_LINE = {
        1, 2, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 144, 145, 254
    };

    private static final Map<ControlMessageType, Rule> RULES = new EnumMap<>(ControlMessageType.class);

    static {
        rule(SCCRQ, ietf(2, 3, 7, 9), ietf(4, 5, 6, 8, 10, 11));
        rule(SCCRP, ietf(2, 3, 7, 9), ietf(4, 5, 6, 8, 10, 11, 13));
        rule(SCCCN, ietf(), ietf(13));
        rule(StopCCN, ietf(1, 9), ietf());
        rule(HELLO, ietf(), ietf());
        rule(OCRQ, ietf(14, 15, 16, 17, 18, 19, 21), ietf(23));
        rule(OCRP, ietf(14), ietf(25));
        rule(OCCN, ietf(24, 19), ietf(38, 39));
        Set<Long> icrqOptional = ietf(18, 25, 22, 21, 23, 98);
        for (int t : ACCESS_LINE) icrqOptional.add(AvpDescriptor.key(BBF, t));
        rule(ICRQ, ietf(14, 15), icrqOptional);
        rule(ICRP, ietf(14), ietf());
        rule(ICCN, ietf(24, 19), ietf(26, 27, 28, 29, 30, 31, 32, 33, 37, 38, 39));
        rule(CDN, ietf(1, 14), ietf(12, 46));
        rule(WEN, ietf(34), ietf());
        rule(SLI, ietf(35), ietf());
        rule(CSUN, ietf(97), ietf());
        rule(CSURQ, ietf(97), ietf());
    }

    private MessageCatalogue() {}

    public static Rule rule(ControlMessageType type) {
        return RULES.get(type);
    }

    /**
     * Checks a message against its rule: Message Type first, required AVPs present, known AVPs not
     * misplaced or repeated, values decoded. A ZLB has nothing to check.
     */
    public static List<Violation> check(ControlMessage message, AvpDictionary dictionary) {
        List<Violation> out = new ArrayList<>();
        if (message.isZlb()) return out;
        List<Avp> avps = message.avps();
        Avp first = avps.get(0);
        if (first.vendorId() != 0 || first.type() != MESSAGE_TYPE || !(first.value() instanceof MessageType mt)) {
            out.add(new Violation(
                    Violation.Kind.MESSAGE_TYPE_NOT_FIRST,
                    first.vendorId(),
                    first.type(),
                    "the first AVP is " + dictionary.name(first.vendorId(), first.type())
                            + ", not a valid Message Type"));
            return out;
        }
        Rule rule = mt.type().map(RULES::get).orElse(null);
        if (rule == null) {
            out.add(new Violation(Violation.Kind.UNKNOWN_MESSAGE_TYPE, 0, MESSAGE_TYPE, "message type " + mt.code()));
            return out;
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 1; i < avps.size(); i++) {
            Avp avp = avps.get(i);
            int v = avp.vendorId();
            int t = avp.type();
            String name = dictionary.name(v, t);
            if (v == 0 && t == MESSAGE_TYPE) {
                out.add(new Violation(Violation.Kind.DUPLICATE, v, t, "a second Message Type at AVP #" + (i + 1)));
                continue;
            }
            if (v == 0 && t == RANDOM_VECTOR) continue; // allowed anywhere, any number of times
            if (dictionary.find(v, t) == null) continue; // unknown: §4.2 decides, not the catalogue
            if (!rule.allows(v, t)) {
                out.add(new Violation(Violation.Kind.NOT_ALLOWED, v, t, name + " is not allowed in " + rule.type()));
            } else if (!seen.add(AvpDescriptor.key(v, t)) && !(rule.type() == CSUN || rule.type() == CSURQ)) {
                out.add(new Violation(Violation.Kind.DUPLICATE, v, t, name + " appears more than once"));
            }
            if (avp.value() instanceof InvalidValue iv) {
                out.add(new Violation(Violation.Kind.INVALID_VALUE, v, t, name + ": " + iv.detail()));
            }
        }
        for (long key : new java.util.TreeSet<>(rule.required())) {
            if (!seen.contains(key)) {
                int v = (int) (key >>> 16);
                int t = (int) (key & 0xFFFF);
                out.add(new Violation(
                        Violation.Kind.MISSING, v, t, rule.type() + " requires " + dictionary.name(v, t)));
            }
        }
        return out;
    }

    private static void rule(ControlMessageType type, Set<Long> required, Set<Long> optional) {
        RULES.put(type, new Rule(type, Set.copyOf(required), Set.copyOf(optional)));
    }

    private static Set<Long> ietf(int... types) {
        Set<Long> s = new HashSet<>();
        for (int t : types) s.add(AvpDescriptor.key(0, t));
        return s;
    }
}
