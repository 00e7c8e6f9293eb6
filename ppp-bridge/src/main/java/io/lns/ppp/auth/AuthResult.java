package io.lns.ppp.auth;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.Optional;

/** The answer to an {@link AuthRequest}. */
public sealed interface AuthResult permits AuthResult.Accepted, AuthResult.Rejected {

    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The peer may connect.
     *
     * @param address a fixed IPv4 address for the peer, else one comes from a pool
     * @param pool the pool to lease from, else the server's default
     * @param pppProfile the PPP profile to use, else the session's
     * @param msChapV2 for MS-CHAPv2 only: what the Success packet carries and the MPPE keys
     */
    record Accepted(
            Optional<Inet4Address> address,
            Optional<String> pool,
            Optional<String> pppProfile,
            Optional<MsChapV2Success> msChapV2,
            java.util.List<FramedRoute> routes)
            implements AuthResult {
        public Accepted {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(pool, "pool");
            Objects.requireNonNull(pppProfile, "pppProfile");
            Objects.requireNonNull(msChapV2, "msChapV2");
            routes = java.util.List.copyOf(routes);
        }

        /** Accepted with no routes behind the subscriber. */
        public Accepted(
                Optional<Inet4Address> address,
                Optional<String> pool,
                Optional<String> pppProfile,
                Optional<MsChapV2Success> msChapV2) {
            this(address, pool, pppProfile, msChapV2, java.util.List.of());
        }

        /** Accepted with nothing attached. */
        public static Accepted plain() {
            return new Accepted(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    /** The peer may not connect; {@code reason} is for logs, not for the wire. */
    record Rejected(String reason) implements AuthResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The MS-CHAPv2 extras.
     *
     * @param authenticatorResponse {@code S=} and 40 hex digits, for the Success message
     * @param mppeKeys the RFC 3079 128-bit start keys from the LNS's side
     */
    record MsChapV2Success(String authenticatorResponse, MppeKeys mppeKeys) {
        public MsChapV2Success {
            Objects.requireNonNull(authenticatorResponse, "authenticatorResponse");
            Objects.requireNonNull(mppeKeys, "mppeKeys");
        }
    }

    /**
     * RFC 3079 start keys as the LNS (the authenticator) uses them: {@code sendKey} encrypts what
     * the LNS sends (the peer's receive key) and {@code receiveKey} what it receives. Never in
     * {@code toString}.
     */
    record MppeKeys(byte[] sendKey, byte[] receiveKey) {
        public MppeKeys {
            if (sendKey.length != 16 || receiveKey.length != 16) {
                throw new IllegalArgumentException("MPPE start keys are 16 octets");
            }
            sendKey = sendKey.clone();
            receiveKey = receiveKey.clone();
        }

        @Override
        public byte[] sendKey() {
            return sendKey.clone();
        }

        @Override
        public byte[] receiveKey() {
            return receiveKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MppeKeys k
                    && java.security.MessageDigest.isEqual(sendKey, k.sendKey)
                    && java.security.MessageDigest.isEqual(receiveKey, k.receiveKey);
        }

        @Override
        public int hashCode() {
            return 0;
        }

        @Override
        public String toString() {
            return "MppeKeys[<redacted>]";
        }
    }
}
