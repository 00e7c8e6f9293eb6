package io.lns.l2tp.avp;

/**
 * One AVP as on the wire (RFC 2661 §4.1): flags, vendor id, attribute type and the decoded value.
 *
 * <p>{@code hidden} says the value travels hidden (§4.3): on decode it was hidden on the wire (and
 * revealed, unless the value is an {@link InvalidValue}); on encode the encoder hides it.
 * {@code reservedBits} are the four reserved flag bits, kept so an AVP received with them set
 * (which §4.1 says to treat as unrecognized) re-encodes unchanged.
 */
public record Avp(boolean mandatory, boolean hidden, int reservedBits, int vendorId, int type, AvpValue value) {

    public Avp {
        if (reservedBits < 0 || reservedBits > 0xF) throw new IllegalArgumentException("reservedBits is 4 bits");
        AvpChecks.u16("Vendor ID", vendorId);
        AvpChecks.u16("Attribute Type", type);
        AvpChecks.notNull("value", value);
    }

    /** An AVP of the standard dictionary, with the M bit its RFC gives, not hidden. */
    public static Avp of(AvpValue value) {
        AvpDescriptor<?> d = descriptor(value);
        return new Avp(d.mandatoryByDefault(), false, 0, d.vendorId(), d.type(), value);
    }

    /** The same, hidden with the tunnel secret when encoded (§4.3). */
    public static Avp hidden(AvpValue value) {
        return of(value).withHidden(true);
    }

    /** A raw AVP of any vendor and type, e.g. a vendor-specific one. */
    public static Avp raw(boolean mandatory, int vendorId, int type, Octets value) {
        return new Avp(mandatory, false, 0, vendorId, type, new UnrecognizedValue(value));
    }

    public Avp withMandatory(boolean m) {
        return new Avp(m, hidden, reservedBits, vendorId, type, value);
    }

    public Avp withHidden(boolean h) {
        return new Avp(mandatory, h, reservedBits, vendorId, type, value);
    }

    /** True when the value was typed by the dictionary (not raw, not invalid). */
    public boolean decoded() {
        return !(value instanceof UnrecognizedValue) && !(value instanceof InvalidValue);
    }

    private static AvpDescriptor<?> descriptor(AvpValue value) {
        AvpChecks.notNull("value", value);
        AvpDescriptor<?> d = AvpDictionary.standard().forValueClass(value.getClass());
        if (d == null) {
            throw new IllegalArgumentException(value.getClass().getName() + " is not in the standard AVP dictionary");
        }
        return d;
    }
}
