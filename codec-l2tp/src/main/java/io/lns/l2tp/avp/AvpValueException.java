package io.lns.l2tp.avp;

/** A value that does not fit its AVP type; becomes an {@link InvalidValue}, never escapes the codec. */
public final class AvpValueException extends Exception {
    public AvpValueException(String detail) {
        super(detail, null, false, false);
    }
}
