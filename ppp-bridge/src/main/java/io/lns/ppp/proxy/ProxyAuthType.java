package io.lns.ppp.proxy;

import java.util.Optional;

/** The Proxy Authen Type AVP's values (RFC 2661 §4.4.5); 0 is reserved. */
public enum ProxyAuthType {
    /** Textual username/password exchange: the response is the cleartext password. */
    TEXTUAL(1),
    /** PPP CHAP (MD5): challenge, identifier and the 16-octet response. */
    CHAP(2),
    /** PPP PAP: the response is the cleartext password. */
    PAP(3),
    /** No authentication took place. */
    NONE(4),
    /** Microsoft CHAP version 1: not supported, the LNS authenticates again itself. */
    MSCHAP_V1(5);

    private final int code;

    ProxyAuthType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The type for an AVP value; empty for reserved or unknown values. */
    public static Optional<ProxyAuthType> fromCode(int code) {
        for (ProxyAuthType t : values()) {
            if (t.code == code) return Optional.of(t);
        }
        return Optional.empty();
    }
}
