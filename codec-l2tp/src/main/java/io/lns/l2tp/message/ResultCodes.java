package io.lns.l2tp.message;

/**
 * Result and error codes of the Result Code AVP (RFC 2661 §4.4.2), with the RFC's wording for
 * logs and the decode tool. Result codes mean different things in StopCCN and CDN.
 */
public final class ResultCodes {
    private ResultCodes() {}

    // StopCCN result codes
    public static final int STOPCCN_GENERAL_CLEAR = 1;
    public static final int STOPCCN_GENERAL_ERROR = 2;
    public static final int STOPCCN_ALREADY_EXISTS = 3;
    public static final int STOPCCN_NOT_AUTHORIZED = 4;
    public static final int STOPCCN_BAD_PROTOCOL_VERSION = 5;
    public static final int STOPCCN_SHUTTING_DOWN = 6;
    public static final int STOPCCN_FSM_ERROR = 7;

    // CDN result codes
    public static final int CDN_LOST_CARRIER = 1;
    public static final int CDN_ERROR_CODE = 2;
    public static final int CDN_ADMINISTRATIVE = 3;
    public static final int CDN_TEMPORARY_NO_FACILITIES = 4;
    public static final int CDN_PERMANENT_NO_FACILITIES = 5;
    public static final int CDN_INVALID_DESTINATION = 6;
    public static final int CDN_NO_CARRIER = 7;
    public static final int CDN_BUSY = 8;
    public static final int CDN_NO_DIAL_TONE = 9;
    public static final int CDN_TIMEOUT = 10;
    public static final int CDN_NO_FRAMING = 11;

    // General error codes
    public static final int ERROR_NONE = 0;
    public static final int ERROR_NO_CONTROL_CONNECTION = 1;
    public static final int ERROR_BAD_LENGTH = 2;
    public static final int ERROR_BAD_VALUE = 3;
    public static final int ERROR_NO_RESOURCES = 4;
    public static final int ERROR_BAD_SESSION_ID = 5;
    public static final int ERROR_VENDOR_SPECIFIC = 6;
    public static final int ERROR_TRY_ANOTHER = 7;
    public static final int ERROR_UNKNOWN_MANDATORY_AVP = 8;

    private static final String[] STOPCCN = {
        "Reserved",
        "General request to clear control connection",
        "General error, Error Code indicates the problem",
        "Control channel already exists",
        "Requester is not authorized to establish a control channel",
        "The protocol version of the requester is not supported",
        "Requester is being shut down",
        "Finite State Machine error"
    };

    private static final String[] CDN = {
        "Reserved",
        "Call disconnected due to loss of carrier",
        "Call disconnected for the reason indicated in error code",
        "Call disconnected for administrative reasons",
        "Call failed due to lack of appropriate facilities being available (temporary condition)",
        "Call failed due to lack of appropriate facilities being available (permanent condition)",
        "Invalid destination",
        "Call failed due to no carrier detected",
        "Call failed due to detection of a busy signal",
        "Call failed due to lack of a dial tone",
        "Call was not established within time allotted by LAC",
        "Call was connected but no appropriate framing was detected"
    };

    private static final String[] ERRORS = {
        "No general error",
        "No control connection exists yet for this LAC-LNS pair",
        "Length is wrong",
        "One of the field values was out of range or reserved field was non-zero",
        "Insufficient resources to handle this operation now",
        "The Session ID is invalid in this context",
        "A generic vendor-specific error occurred in the LAC",
        "Try another",
        "Session or tunnel was shutdown due to receipt of an unknown AVP with the M-bit set"
    };

    /** The meaning of a result code in a message of type {@code in}, or null when unknown. */
    public static String describeResult(ControlMessageType in, int result) {
        String[] table = in == ControlMessageType.CDN ? CDN : in == ControlMessageType.StopCCN ? STOPCCN : null;
        return table != null && result < table.length ? table[result] : null;
    }

    /** The meaning of a general error code, or null when unknown. */
    public static String describeError(int error) {
        return error >= 0 && error < ERRORS.length ? ERRORS[error] : null;
    }
}
