package io.lns.config;

/** Trace categories, with OpenL2TP's names and bit values. */
public enum TraceCategory {
    PROTOCOL,
    FSM,
    API,
    AVP,
    AVP_HIDE,
    AVP_DATA,
    FUNC,
    XPRT,
    DATA,
    SYSTEM,
    PPP;

    /** This category's bit: PROTOCOL is 1, FSM 2, ... PPP 1024. */
    public int bit() {
        return 1 << ordinal();
    }
}
