package io.lns.l2tp.message;

import java.util.Optional;

/** Control message types (RFC 2661 §3.2, and RFC 5515 §4 for the connect speed updates). */
public enum ControlMessageType {
    SCCRQ(1, "Start-Control-Connection-Request"),
    SCCRP(2, "Start-Control-Connection-Reply"),
    SCCCN(3, "Start-Control-Connection-Connected"),
    StopCCN(4, "Stop-Control-Connection-Notification"),
    HELLO(6, "Hello"),
    OCRQ(7, "Outgoing-Call-Request"),
    OCRP(8, "Outgoing-Call-Reply"),
    OCCN(9, "Outgoing-Call-Connected"),
    ICRQ(10, "Incoming-Call-Request"),
    ICRP(11, "Incoming-Call-Reply"),
    ICCN(12, "Incoming-Call-Connected"),
    CDN(14, "Call-Disconnect-Notify"),
    WEN(15, "WAN-Error-Notify"),
    SLI(16, "Set-Link-Info"),
    CSUN(28, "Connect-Speed-Update-Notification"),
    CSURQ(29, "Connect-Speed-Update-Request");

    private static final ControlMessageType[] BY_CODE = new ControlMessageType[32];

    static {
        for (ControlMessageType t : values()) BY_CODE[t.code] = t;
    }

    private final int code;
    private final String fullName;

    ControlMessageType(int code, String fullName) {
        this.code = code;
        this.fullName = fullName;
    }

    public int code() {
        return code;
    }

    public String fullName() {
        return fullName;
    }

    public static Optional<ControlMessageType> byCode(int code) {
        return code >= 0 && code < BY_CODE.length ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
    }

    /** True for messages about a session (carry a session id in the header once assigned). */
    public boolean sessionScoped() {
        return switch (this) {
            case OCRQ, OCRP, OCCN, ICRQ, ICRP, ICCN, CDN, WEN, SLI, CSUN, CSURQ -> true;
            default -> false;
        };
    }
}
