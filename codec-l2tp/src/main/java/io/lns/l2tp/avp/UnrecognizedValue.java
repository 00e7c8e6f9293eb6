package io.lns.l2tp.avp;

/**
 * An AVP this dictionary does not know (unknown type, vendor-specific, or a reserved flag bit
 * set, RFC 2661 §4.1), kept raw. Whether it can be ignored depends on its M bit (§4.2), which is
 * on the enclosing {@link Avp}. For a hidden AVP the octets are the hidden (encrypted) ones.
 */
public record UnrecognizedValue(Octets raw) implements AvpValue {}
