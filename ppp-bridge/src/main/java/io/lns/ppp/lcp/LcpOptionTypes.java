package io.lns.ppp.lcp;

/** LCP Configuration Option types (RFC 1661 §6, RFC 1990 §5.1). */
public final class LcpOptionTypes {
    public static final int MRU = 1;
    public static final int ACCM = 2;
    public static final int AUTH_PROTOCOL = 3;
    public static final int MAGIC_NUMBER = 5;
    public static final int PFC = 7;
    public static final int ACFC = 8;
    public static final int MRRU = 17;
    public static final int ENDPOINT_DISCRIMINATOR = 19;

    private LcpOptionTypes() {}

    /** The option's name for messages, e.g. {@code "17 (MRRU)"}. */
    public static String describe(int type) {
        String name = switch (type) {
            case MRU -> "MRU";
            case ACCM -> "ACCM";
            case AUTH_PROTOCOL -> "Authentication-Protocol";
            case 4 -> "Quality-Protocol";
            case MAGIC_NUMBER -> "Magic-Number";
            case PFC -> "PFC";
            case ACFC -> "ACFC";
            case 13 -> "Callback";
            case MRRU -> "MRRU";
            case ENDPOINT_DISCRIMINATOR -> "Endpoint-Discriminator";
            default -> null;
        };
        return name == null ? Integer.toString(type) : type + " (" + name + ")";
    }
}
