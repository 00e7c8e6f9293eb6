package io.lns.config;

/** Data-message sequence numbers for a session (RFC 2661 §5.4). */
public enum Sequencing {
    /** No sequence numbers unless the LAC sends them. */
    NONE,
    /** Send sequence numbers when the LAC does; do not demand them. */
    PREFER,
    /** Demand sequence numbers (Sequencing Required AVP in ICCN handling). */
    REQUIRE
}
