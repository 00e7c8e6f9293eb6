package io.lns.l2tp.avp;

/** Call management AVPs (RFC 2661 §4.4.4). Speeds and counts are unsigned 32-bit, held in longs. */
public final class CallManagementAvps {
    private CallManagementAvps() {}

    /** Q.931 Cause Code (type 12): cause, message type and an optional advisory text. */
    public record Q931CauseCode(int cause, int message, String advisory) implements AvpValue {
        public Q931CauseCode {
            AvpChecks.u16("Cause Code", cause);
            AvpChecks.u8("Cause Msg", message);
            AvpChecks.notNull("Advisory Msg", advisory);
        }
    }

    /** Assigned Session ID (type 14): the id the sender wants the session addressed by. */
    public record AssignedSessionId(int id) implements AvpValue {
        public AssignedSessionId {
            AvpChecks.u16("Assigned Session ID", id);
        }
    }

    /** Call Serial Number (type 15): an identifier both ends log for the call. */
    public record CallSerialNumber(long serial) implements AvpValue {
        public CallSerialNumber {
            AvpChecks.u32("Call Serial Number", serial);
        }
    }

    /** Minimum BPS (type 16). */
    public record MinimumBps(long bps) implements AvpValue {
        public MinimumBps {
            AvpChecks.u32("Minimum BPS", bps);
        }
    }

    /** Maximum BPS (type 17). */
    public record MaximumBps(long bps) implements AvpValue {
        public MaximumBps {
            AvpChecks.u32("Maximum BPS", bps);
        }
    }

    /** Bearer Type (type 18): bit 0x1 digital, 0x2 analog. */
    public record BearerType(long bits) implements AvpValue {
        public static final long DIGITAL = 0x1;
        public static final long ANALOG = 0x2;

        public BearerType {
            AvpChecks.u32("Bearer Type", bits);
        }
    }

    /** Framing Type (type 19): bit 0x1 synchronous, 0x2 asynchronous. */
    public record FramingType(long bits) implements AvpValue {
        public static final long SYNC = 0x1;
        public static final long ASYNC = 0x2;

        public FramingType {
            AvpChecks.u32("Framing Type", bits);
        }
    }

    /** Called Number (type 21). */
    public record CalledNumber(String number) implements AvpValue {
        public CalledNumber {
            AvpChecks.notNull("Called Number", number);
        }
    }

    /** Calling Number (type 22): for a broadband LAC often the subscriber's circuit or MAC. */
    public record CallingNumber(String number) implements AvpValue {
        public CallingNumber {
            AvpChecks.notNull("Calling Number", number);
        }
    }

    /** Sub-Address (type 23). */
    public record SubAddress(String address) implements AvpValue {
        public SubAddress {
            AvpChecks.notNull("Sub-Address", address);
        }
    }

    /** (Tx) Connect Speed (type 24), bits per second from the LAC's point of view. */
    public record TxConnectSpeed(long bps) implements AvpValue {
        public TxConnectSpeed {
            AvpChecks.u32("Tx Connect Speed", bps);
        }
    }

    /** Physical Channel ID (type 25). */
    public record PhysicalChannelId(long id) implements AvpValue {
        public PhysicalChannelId {
            AvpChecks.u32("Physical Channel ID", id);
        }
    }

    /** Private Group ID (type 37): opaque to L2TP, used by the LNS to pick a customer group. */
    public record PrivateGroupId(Octets value) implements AvpValue {
        public PrivateGroupId {
            AvpChecks.notNull("Private Group ID", value);
        }
    }

    /** Rx Connect Speed (type 38), bits per second, when it differs from the Tx speed. */
    public record RxConnectSpeed(long bps) implements AvpValue {
        public RxConnectSpeed {
            AvpChecks.u32("Rx Connect Speed", bps);
        }
    }

    /** Sequencing Required (type 39): no value; data messages must carry sequence numbers. */
    public record SequencingRequired() implements AvpValue {}
}
