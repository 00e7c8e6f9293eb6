package io.lns.l2tp.avp;

/**
 * Proxy LCP and authentication AVPs (RFC 2661 §4.4.5): what the LAC already negotiated with the
 * subscriber, so the LNS can skip a second LCP negotiation and authentication.
 */
public final class ProxyAvps {
    private ProxyAvps() {}

    /** Proxy Authen Type values (§4.4.5). */
    public static final int AUTHEN_TEXTUAL = 1;

    public static final int AUTHEN_PPP_CHAP = 2;
    public static final int AUTHEN_PPP_PAP = 3;
    public static final int AUTHEN_NONE = 4;
    public static final int AUTHEN_MSCHAP_V1 = 5;

    /** Initial Received LCP CONFREQ (type 26): options of the first CONFREQ from the peer. */
    public record InitialReceivedLcpConfReq(Octets options) implements AvpValue {
        public InitialReceivedLcpConfReq {
            AvpChecks.notNull("Initial Received LCP CONFREQ", options);
        }
    }

    /** Last Sent LCP CONFREQ (type 27): options of the last CONFREQ the LAC sent. */
    public record LastSentLcpConfReq(Octets options) implements AvpValue {
        public LastSentLcpConfReq {
            AvpChecks.notNull("Last Sent LCP CONFREQ", options);
        }
    }

    /** Last Received LCP CONFREQ (type 28): options of the last CONFREQ the LAC received. */
    public record LastReceivedLcpConfReq(Octets options) implements AvpValue {
        public LastReceivedLcpConfReq {
            AvpChecks.notNull("Last Received LCP CONFREQ", options);
        }
    }

    /** Proxy Authen Type (type 29): one of the {@code AUTHEN_*} constants. */
    public record ProxyAuthenType(int type) implements AvpValue {
        public ProxyAuthenType {
            AvpChecks.u16("Proxy Authen Type", type);
        }
    }

    /** Proxy Authen Name (type 30): the user name the subscriber gave. */
    public record ProxyAuthenName(String name) implements AvpValue {
        public ProxyAuthenName {
            AvpChecks.notNull("Proxy Authen Name", name);
        }
    }

    /** Proxy Authen Challenge (type 31): the CHAP challenge the LAC sent. */
    public record ProxyAuthenChallenge(Octets challenge) implements AvpValue {
        public ProxyAuthenChallenge {
            AvpChecks.notNull("Proxy Authen Challenge", challenge);
        }
    }

    /**
     * Proxy Authen ID (type 32): two octets on the wire, a reserved one and the CHAP/PAP
     * identifier; {@code value} keeps both so re-encoding is exact.
     */
    public record ProxyAuthenId(int value) implements AvpValue {
        public ProxyAuthenId {
            AvpChecks.u16("Proxy Authen ID", value);
        }

        public static ProxyAuthenId ofIdentifier(int id) {
            return new ProxyAuthenId(id & 0xFF);
        }

        public int identifier() {
            return value & 0xFF;
        }
    }

    /** Proxy Authen Response (type 33): the subscriber's CHAP response or PAP password. */
    public record ProxyAuthenResponse(Octets response) implements AvpValue {
        public ProxyAuthenResponse {
            AvpChecks.notNull("Proxy Authen Response", response);
        }

        @Override
        public String toString() {
            // A PAP password travels in this AVP: keep it out of logs.
            return "ProxyAuthenResponse[" + response.length() + " octets]";
        }
    }
}
