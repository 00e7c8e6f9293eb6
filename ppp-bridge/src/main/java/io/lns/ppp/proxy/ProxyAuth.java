package io.lns.ppp.proxy;

import io.lns.ppp.auth.AuthRequest;
import io.lns.ppp.auth.Chap;
import io.lns.ppp.lcp.AuthProtocol;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The authentication a LAC ran with the subscriber before forwarding the call (RFC 2661 §4.4.5, the
 * Proxy Authen Type, Name, Challenge, ID and Response AVPs). Independent of the L2TP codec. The
 * response (a cleartext password for PAP) is never in {@code toString}.
 *
 * @param type the Proxy Authen Type
 * @param name the user name the subscriber gave ({@code ""} when absent)
 * @param challenge the CHAP challenge the LAC sent (empty for PAP)
 * @param id the PPP identifier of the exchange (the ID octet of the Proxy Authen ID AVP, 0–255)
 * @param response PAP/textual: the password; CHAP: the 16-octet response value
 */
public record ProxyAuth(ProxyAuthType type, String name, byte[] challenge, int id, byte[] response) {
    public ProxyAuth {
        Objects.requireNonNull(type, "type");
        if (id < 0 || id > 0xFF) throw new IllegalArgumentException("Proxy Authen ID " + id + " is not 0..255");
        name = name == null ? "" : name;
        challenge = challenge == null ? new byte[0] : challenge.clone();
        response = response == null ? new byte[0] : response.clone();
    }

    /** A PAP exchange the LAC held: {@code name} with {@code password}, identifier 1. */
    public static ProxyAuth pap(String name, String password) {
        return new ProxyAuth(ProxyAuthType.PAP, name, null, 1, password.getBytes(StandardCharsets.UTF_8));
    }

    /** A CHAP-MD5 exchange the LAC held, with the response computed from {@code password}. */
    public static ProxyAuth chap(int id, byte[] challenge, String name, String password) {
        byte[] response = Chap.md5Response(id, password.getBytes(StandardCharsets.UTF_8), challenge);
        return new ProxyAuth(ProxyAuthType.CHAP, name, challenge, id, response);
    }

    /** The LAC says no authentication took place. */
    public static ProxyAuth none() {
        return new ProxyAuth(ProxyAuthType.NONE, "", null, 0, null);
    }

    @Override
    public byte[] challenge() {
        return challenge.clone();
    }

    @Override
    public byte[] response() {
        return response.clone();
    }

    /**
     * The request the authenticator would have seen had the subscriber authenticated with us over
     * {@code agreed}; empty when this proxy authentication does not fit it (another protocol, MS-CHAPv1,
     * no authentication, a CHAP response that is not 16 octets) and we must authenticate ourselves.
     */
    public Optional<AuthRequest> asRequestFor(AuthProtocol agreed) {
        return switch (agreed) {
            case PAP ->
                type == ProxyAuthType.PAP || type == ProxyAuthType.TEXTUAL
                        ? Optional.of(new AuthRequest.PapRequest(name, response))
                        : Optional.empty();
            case CHAP_MD5 ->
                type == ProxyAuthType.CHAP && challenge.length > 0 && response.length == 16
                        ? Optional.of(new AuthRequest.ChapRequest(name, id, challenge, response))
                        : Optional.empty();
            case MSCHAP_V2 -> Optional.empty(); // RFC 2661 has no proxy type for it
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyAuth p
                && type == p.type
                && name.equals(p.name)
                && id == p.id
                && Arrays.equals(challenge, p.challenge)
                && Arrays.equals(response, p.response);
    }

    @Override
    public int hashCode() {
        return (type.hashCode() * 31 + name.hashCode()) * 31 + id;
    }

    @Override
    public String toString() {
        return "ProxyAuth[type=" + type + ", name=" + name + ", id=" + id + ", challenge=" + challenge.length
                + " octets, response=<redacted>]";
    }
}
