package io.lns.ppp.ipcp;

import io.lns.ppp.fsm.FsmConfig;
import java.net.Inet4Address;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How an {@link Ipcp} negotiates. Server (LNS) role: {@code localAddress} is our gateway address,
 * {@code peerAddress} yields the address we assign to the peer (asked at most once per negotiation,
 * e.g. a pool lease owned by the caller), DNS servers are handed out on request (RFC 1877) and
 * rejected when {@code null}. Client role: we request 0.0.0.0 for our address (and for DNS if
 * {@code requestDns}) and take what the server Naks.
 */
public record IpcpConfig(
        Role role,
        Inet4Address localAddress,
        Supplier<Inet4Address> peerAddress,
        Inet4Address primaryDns,
        Inet4Address secondaryDns,
        boolean requestDns,
        FsmConfig fsm) {
    public enum Role {
        SERVER,
        CLIENT
    }

    public IpcpConfig {
        Objects.requireNonNull(role);
        Objects.requireNonNull(fsm);
        if (role == Role.SERVER) {
            Objects.requireNonNull(localAddress, "server role needs our (gateway) address");
            Objects.requireNonNull(peerAddress, "server role needs the peer's address");
        }
    }

    public static IpcpConfig server(
            Inet4Address gateway,
            Supplier<Inet4Address> peerAddress,
            Inet4Address primaryDns,
            Inet4Address secondaryDns) {
        return new IpcpConfig(Role.SERVER, gateway, peerAddress, primaryDns, secondaryDns, false, FsmConfig.DEFAULT);
    }

    public static IpcpConfig server(Inet4Address gateway, Inet4Address peerAddress) {
        return server(gateway, () -> peerAddress, null, null);
    }

    public static IpcpConfig client(boolean requestDns) {
        return new IpcpConfig(Role.CLIENT, null, null, null, null, requestDns, FsmConfig.DEFAULT);
    }

    public IpcpConfig withFsm(FsmConfig fsm) {
        return new IpcpConfig(role, localAddress, peerAddress, primaryDns, secondaryDns, requestDns, fsm);
    }
}
