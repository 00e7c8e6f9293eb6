package io.lns.l2tp.control;

/** Data-message sequencing for a session (RFC 2661 §5.4, Sequencing Required AVP). */
public enum SequencingMode {
    /** No sequence numbers unless the LAC asks for them. */
    NONE,
    /** Use sequence numbers when the LAC does; do not demand them. */
    PREFER,
    /** Demand sequence numbers; a session whose LAC will not use them is still accepted but flagged. */
    REQUIRE
}
