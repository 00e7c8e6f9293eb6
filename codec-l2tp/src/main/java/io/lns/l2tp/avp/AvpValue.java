package io.lns.l2tp.avp;

/**
 * The decoded value of one AVP. Each AVP of RFC 2661 §4.4 (and the RFC 3145 and RFC 5515
 * extensions) has its own record; {@link UnrecognizedValue} and {@link InvalidValue} keep the raw
 * octets of what could not be typed, so nothing is lost and re-encoding gives the original bytes.
 *
 * <p>Deliberately not sealed: an extension registers its values in an {@link AvpDictionary}
 * without touching this package.
 */
public interface AvpValue {}
