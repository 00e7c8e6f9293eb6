package io.lns.ppp.auth;

import java.util.Objects;

/**
 * What a peer sent to authenticate. Records copy their arrays in and out; {@code toString} never
 * shows a password or a response.
 */
public sealed interface AuthRequest
        permits AuthRequest.PapRequest, AuthRequest.ChapRequest, AuthRequest.MsChapV2Request {

    /** The name the peer gave. */
    String user();

    /** PAP (RFC 1334): the clear-text password as sent. */
    record PapRequest(String user, byte[] password) implements AuthRequest {
        public PapRequest {
            Objects.requireNonNull(user, "user");
            password = password.clone();
        }

        @Override
        public byte[] password() {
            return password.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PapRequest p && user.equals(p.user) && java.util.Arrays.equals(password, p.password);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return "PapRequest[user=" + user + ", password=<redacted>]";
        }
    }

    /** CHAP-MD5 (RFC 1994): the Challenge's identifier and value, and the peer's Response value. */
    record ChapRequest(String user, int id, byte[] challenge, byte[] response) implements AuthRequest {
        public ChapRequest {
            Objects.requireNonNull(user, "user");
            if (id < 0 || id > 255) throw new IllegalArgumentException("CHAP identifier " + id + " is not 0..255");
            challenge = challenge.clone();
            response = response.clone();
        }

        @Override
        public byte[] challenge() {
            return challenge.clone();
        }

        @Override
        public byte[] response() {
            return response.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChapRequest c
                    && user.equals(c.user)
                    && id == c.id
                    && java.util.Arrays.equals(challenge, c.challenge)
                    && java.util.Arrays.equals(response, c.response);
        }

        @Override
        public int hashCode() {
            return user.hashCode() * 31 + id;
        }

        @Override
        public String toString() {
            return "ChapRequest[user=" + user + ", id=" + id + "]";
        }
    }

    /** MS-CHAPv2 (RFC 2759): both 16-octet challenges and the 24-octet NT-Response. */
    record MsChapV2Request(String user, byte[] authenticatorChallenge, byte[] peerChallenge, byte[] ntResponse)
            implements AuthRequest {
        public MsChapV2Request {
            Objects.requireNonNull(user, "user");
            authenticatorChallenge = checked(authenticatorChallenge, 16, "authenticator challenge");
            peerChallenge = checked(peerChallenge, 16, "peer challenge");
            ntResponse = checked(ntResponse, 24, "NT-Response");
        }

        private static byte[] checked(byte[] b, int length, String what) {
            if (b.length != length) {
                throw new IllegalArgumentException(what + " must be " + length + " octets, not " + b.length);
            }
            return b.clone();
        }

        @Override
        public byte[] authenticatorChallenge() {
            return authenticatorChallenge.clone();
        }

        @Override
        public byte[] peerChallenge() {
            return peerChallenge.clone();
        }

        @Override
        public byte[] ntResponse() {
            return ntResponse.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MsChapV2Request m
                    && user.equals(m.user)
                    && java.util.Arrays.equals(authenticatorChallenge, m.authenticatorChallenge)
                    && java.util.Arrays.equals(peerChallenge, m.peerChallenge)
                    && java.util.Arrays.equals(ntResponse, m.ntResponse);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return "MsChapV2Request[user=" + user + "]";
        }
    }
}
