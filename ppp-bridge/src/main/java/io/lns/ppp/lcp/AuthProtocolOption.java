package io.lns.ppp.lcp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Authentication-Protocol (RFC 1661 §6.2), both roles. As authenticator we request the protocols of
 * {@code toRequest} in order, moving down the list on Nak (to the peer's suggestion when it is further
 * down). As peer we accept what is in {@code acceptable}, Nak'ing with our first choice otherwise.
 */
public final class AuthProtocolOption implements OptionHandler {
    private final List<AuthProtocol> toRequest;
    private final List<AuthProtocol> acceptable;
    private int index;
    private AuthProtocol agreed;
    private AuthProtocol peerRequires;

    public AuthProtocolOption(List<AuthProtocol> toRequest, List<AuthProtocol> acceptable) {
        this.toRequest = List.copyOf(toRequest);
        this.acceptable = List.copyOf(acceptable);
    }

    public static AuthProtocolOption authenticator(List<AuthProtocol> toRequest) {
        return new AuthProtocolOption(toRequest, List.of());
    }

    public static AuthProtocolOption peer(Set<AuthProtocol> supported) {
        return new AuthProtocolOption(List.of(), List.copyOf(new java.util.TreeSet<>(supported)));
    }

    @Override
    public int type() {
        return LcpOptionTypes.AUTH_PROTOCOL;
    }

    @Override
    public byte[] requestValue() {
        return index < toRequest.size() ? toRequest.get(index).value() : null;
    }

    @Override
    public void acked(byte[] value) {
        agreed = AuthProtocol.of(value).orElse(null);
    }

    @Override
    public void naked(byte[] value) {
        Optional<AuthProtocol> suggested = AuthProtocol.of(value);
        int at = suggested.map(toRequest::indexOf).orElse(-1);
        index = at > index ? at : index + 1;
    }

    @Override
    public void rejected() {
        index = toRequest.size();
    }

    @Override
    public OptionVerdict check(byte[] value) {
        if (acceptable.isEmpty()) {
            return OptionVerdict.REJECT;
        }
        return AuthProtocol.of(value).filter(acceptable::contains).isPresent()
                ? OptionVerdict.ACK
                : OptionVerdict.nak(acceptable.getFirst().value());
    }

    @Override
    public void peerAcked(byte[] value) {
        peerRequires = AuthProtocol.of(value).orElse(null);
    }

    @Override
    public void reset() {
        index = 0;
        agreed = null;
        peerRequires = null;
    }

    /** The protocol the peer agreed to authenticate itself with (authenticator role). */
    public Optional<AuthProtocol> agreed() {
        return Optional.ofNullable(agreed);
    }

    /** True once every protocol we may request was Nak'ed or the option was rejected. */
    public boolean exhausted() {
        return !toRequest.isEmpty() && index >= toRequest.size();
    }

    /** The protocol the peer requires of us (peer role). */
    public Optional<AuthProtocol> peerRequires() {
        return Optional.ofNullable(peerRequires);
    }
}
