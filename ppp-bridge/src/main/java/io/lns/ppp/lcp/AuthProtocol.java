package io.lns.ppp.lcp;

import java.util.Arrays;
import java.util.Optional;

/** Authentication-Protocol values (RFC 1661 §6.2, RFC 1994 §3, RFC 2759 §2). */
public enum AuthProtocol {
    PAP(new byte[] {(byte) 0xC0, 0x23}),
    CHAP_MD5(new byte[] {(byte) 0xC2, 0x23, 0x05}),
    MSCHAP_V2(new byte[] {(byte) 0xC2, 0x23, (byte) 0x81});

    private final byte[] value;

    AuthProtocol(byte[] value) {
        this.value = value;
    }

    public byte[] value() {
        return value.clone();
    }

    public static Optional<AuthProtocol> of(byte[] value) {
        return Arrays.stream(values())
                .filter(p -> Arrays.equals(p.value, value))
                .findFirst();
    }
}
