package io.lns.l2tp.format;

import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.CallManagementAvps.BearerType;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.ControlConnectionAvps.BearerCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.TieBreaker;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.ProxyAvps;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.ResultCodes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders AVP values for people (trace logs, {@code lns decode}) and as ordered fields for JSON.
 * Records are rendered from their components, so a new AVP record needs no code here; only values
 * whose meaning is not obvious from a number get words. Proxy Authen Response can hold a PAP
 * password and is never shown.
 */
public final class AvpFormatter {
    private AvpFormatter() {}

    /** One-line text of a value; {@code in} gives context (result codes differ by message). */
    public static String text(AvpValue value, ControlMessageType in) {
        return switch (value) {
            case MessageType mt ->
                mt.type().map(t -> t.name() + " (" + mt.code() + ")").orElse("unknown (" + mt.code() + ")");
            case ResultCode rc -> resultText(rc, in);
            case FramingCapabilities f -> bits(f.bits(), "sync", "async");
            case BearerCapabilities b -> bits(b.bits(), "digital", "analog");
            case FramingType f -> bits(f.bits(), "sync", "async");
            case BearerType b -> bits(b.bits(), "digital", "analog");
            case TieBreaker t -> String.format("0x%016x", t.value());
            case ProxyAuthenType t -> proxyAuthenTypeName(t.type()) + " (" + t.type() + ")";
            case ProxyAuthenResponse r -> "<redacted, " + r.response().length() + " octets>";
            case UnrecognizedValue u -> octets(u.raw());
            case InvalidValue iv ->
                "invalid (" + iv.problem().name().toLowerCase() + "): " + iv.detail()
                        + (iv.raw().length() > 0 ? " [" + octets(iv.raw()) + "]" : "");
            case Record r -> componentsText(r);
            default -> value.toString();
        };
    }

    /** The value as ordered name → JSON-friendly value (Number, String, Boolean). */
    public static Map<String, Object> fields(AvpValue value) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (value) {
            case ProxyAuthenResponse r -> {
                out.put("redacted", true);
                out.put("length", r.response().length());
            }
            case InvalidValue iv -> {
                out.put("problem", iv.problem().name());
                out.put("detail", iv.detail());
                out.put("raw", iv.raw().hex());
            }
            case MessageType mt -> {
                out.put("code", mt.code());
                mt.type().ifPresent(t -> out.put("name", t.name()));
            }
            case Record r -> {
                for (RecordComponent c : r.getClass().getRecordComponents()) out.put(c.getName(), jsonValue(get(c, r)));
            }
            default -> out.put("value", value.toString());
        }
        return out;
    }

    /** Name, flags and value of an AVP, for trace lines. */
    public static String describe(Avp avp, String name, ControlMessageType in) {
        StringBuilder sb = new StringBuilder(name);
        List<String> flags = new ArrayList<>(3);
        if (avp.mandatory()) flags.add("M");
        if (avp.hidden()) flags.add("H");
        if (avp.reservedBits() != 0) flags.add("rsvd=" + avp.reservedBits());
        if (!flags.isEmpty()) sb.append('[').append(String.join(",", flags)).append(']');
        return sb.append('=').append(text(avp.value(), in)).toString();
    }

    private static String resultText(ResultCode rc, ControlMessageType in) {
        StringBuilder sb = new StringBuilder().append(rc.result());
        String meaning = ResultCodes.describeResult(in, rc.result());
        if (meaning != null) sb.append(" (").append(meaning).append(')');
        if (rc.hasError()) {
            sb.append(" error ").append(rc.error());
            String err = ResultCodes.describeError(rc.error());
            if (err != null) sb.append(" (").append(err).append(')');
        }
        if (!rc.message().isEmpty()) sb.append(' ').append(quote(rc.message()));
        return sb.toString();
    }

    private static String proxyAuthenTypeName(int type) {
        return switch (type) {
            case ProxyAvps.AUTHEN_TEXTUAL -> "Textual username/password";
            case ProxyAvps.AUTHEN_PPP_CHAP -> "PPP CHAP";
            case ProxyAvps.AUTHEN_PPP_PAP -> "PPP PAP";
            case ProxyAvps.AUTHEN_NONE -> "No authentication";
            case ProxyAvps.AUTHEN_MSCHAP_V1 -> "Microsoft CHAP v1";
            default -> "unknown";
        };
    }

    private static String bits(long bits, String bit0, String bit1) {
        List<String> names = new ArrayList<>(2);
        if ((bits & 1) != 0) names.add(bit0);
        if ((bits & 2) != 0) names.add(bit1);
        if ((bits & ~3L) != 0) names.add(String.format("other 0x%x", bits & ~3L));
        return String.format("0x%x", bits) + (names.isEmpty() ? " (none)" : " (" + String.join(",", names) + ")");
    }

    private static String componentsText(Record r) {
        RecordComponent[] cs = r.getClass().getRecordComponents();
        if (cs.length == 0) return "(present)";
        if (cs.length == 1) return valueText(get(cs[0], r));
        StringBuilder sb = new StringBuilder();
        for (RecordComponent c : cs) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(c.getName()).append('=').append(valueText(get(c, r)));
        }
        return sb.toString();
    }

    private static String valueText(Object v) {
        return switch (v) {
            case String s -> quote(s);
            case Octets o -> octets(o);
            case null -> "null";
            default -> v.toString();
        };
    }

    private static Object jsonValue(Object v) {
        return v instanceof Octets o ? o.hex() : v;
    }

    private static String octets(Octets o) {
        return o.length() == 0 ? "(empty)" : "0x" + o.hex();
    }

    /** Quotes text, escaping what is not printable ASCII, so a hostile name cannot forge output. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7F) sb.append(c);
            else sb.append(String.format("\\x%02x", (int) c));
        }
        return sb.append('"').toString();
    }

    private static Object get(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("record accessor " + c.getName(), e);
        }
    }
}
