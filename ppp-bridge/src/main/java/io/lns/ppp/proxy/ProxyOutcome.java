package io.lns.ppp.proxy;

import java.util.Objects;

/**
 * Which way a session's establish phase went with respect to proxy LCP (RFC 2661 §4.4.5), reported
 * once per started session so the LNS can count it.
 */
public sealed interface ProxyOutcome {
    ProxyOutcome NOT_OFFERED = new NotOffered();
    ProxyOutcome RENEGOTIATED_BY_POLICY = new RenegotiatedByPolicy();

    /** A short lower-case name, usable as a metric label. */
    String label();

    /** The LAC forwarded no proxy LCP: LCP was negotiated with the subscriber as usual. */
    record NotOffered() implements ProxyOutcome {
        @Override
        public String label() {
            return "not_offered";
        }
    }

    /**
     * The proxied LCP agreement was taken as is, without an LCP packet.
     *
     * @param authProxied the LAC's proxy authentication went to the authenticator in place of our own
     *     authentication exchange
     */
    record Accepted(boolean authProxied) implements ProxyOutcome {
        @Override
        public String label() {
            return "accepted";
        }
    }

    /** Proxy LCP was offered but the policy says renegotiate. */
    record RenegotiatedByPolicy() implements ProxyOutcome {
        @Override
        public String label() {
            return "renegotiated_policy";
        }
    }

    /** Proxy LCP was offered but is not what we would have agreed to; {@code reason} says why. */
    record RenegotiatedUnacceptable(String reason) implements ProxyOutcome {
        public RenegotiatedUnacceptable {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String label() {
            return "renegotiated_unacceptable";
        }
    }
}
