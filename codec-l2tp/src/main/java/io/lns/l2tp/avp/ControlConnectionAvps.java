package io.lns.l2tp.avp;

/** Control connection management AVPs (RFC 2661 §4.4.3). */
public final class ControlConnectionAvps {
    private ControlConnectionAvps() {}

    /** Protocol Version (type 2): version 1, revision 0 for RFC 2661. */
    public record ProtocolVersion(int version, int revision) implements AvpValue {
        public static final ProtocolVersion RFC2661 = new ProtocolVersion(1, 0);

        public ProtocolVersion {
            AvpChecks.u8("Version", version);
            AvpChecks.u8("Revision", revision);
        }
    }

    /** Framing Capabilities (type 3): a 32-bit mask; bit 0x1 synchronous, 0x2 asynchronous. */
    public record FramingCapabilities(long bits) implements AvpValue {
        public static final long SYNC = 0x1;
        public static final long ASYNC = 0x2;

        public FramingCapabilities {
            AvpChecks.u32("Framing Capabilities", bits);
        }

        public boolean sync() {
            return (bits & SYNC) != 0;
        }

        public boolean async() {
            return (bits & ASYNC) != 0;
        }
    }

    /** Bearer Capabilities (type 4): a 32-bit mask; bit 0x1 digital, 0x2 analog. */
    public record BearerCapabilities(long bits) implements AvpValue {
        public static final long DIGITAL = 0x1;
        public static final long ANALOG = 0x2;

        public BearerCapabilities {
            AvpChecks.u32("Bearer Capabilities", bits);
        }

        public boolean digital() {
            return (bits & DIGITAL) != 0;
        }

        public boolean analog() {
            return (bits & ANALOG) != 0;
        }
    }

    /** Tie Breaker (type 5): 8 octets, compared as an unsigned number; the lower one wins. */
    public record TieBreaker(long value) implements AvpValue {}

    /** Firmware Revision (type 6). */
    public record FirmwareRevision(int revision) implements AvpValue {
        public FirmwareRevision {
            AvpChecks.u16("Firmware Revision", revision);
        }
    }

    /** Host Name (type 7): at least one octet. */
    public record HostName(String name) implements AvpValue {
        public HostName {
            AvpChecks.notEmpty("Host Name", name);
        }
    }

    /** Vendor Name (type 8). */
    public record VendorName(String name) implements AvpValue {
        public VendorName {
            AvpChecks.notNull("Vendor Name", name);
        }
    }

    /** Assigned Tunnel ID (type 9): the id the sender wants to be addressed by; never 0. */
    public record AssignedTunnelId(int id) implements AvpValue {
        public AssignedTunnelId {
            AvpChecks.u16("Assigned Tunnel ID", id);
        }
    }

    /** Receive Window Size (type 10): how many unacknowledged messages the sender accepts. */
    public record ReceiveWindowSize(int size) implements AvpValue {
        public ReceiveWindowSize {
            AvpChecks.u16("Receive Window Size", size);
        }
    }

    /** Challenge (type 11): one or more random octets for tunnel authentication (§5.1.1). */
    public record Challenge(Octets value) implements AvpValue {
        public Challenge {
            AvpChecks.notEmpty("Challenge", value);
        }
    }

    /** Challenge Response (type 13): the 16-octet MD5 response to a Challenge. */
    public record ChallengeResponse(Octets value) implements AvpValue {
        public ChallengeResponse {
            AvpChecks.length("Challenge Response", value, 16, 16);
        }
    }
}
