package io.lns.server.subscriber;

/** A session's end reason folded to a few words, for a metrics label. */
final class EndCause {
    static final String POOL_EXHAUSTED = "pool_exhausted";

    private EndCause() {}

    static String of(String reason, boolean l2tpGone) {
        if (l2tpGone) return "l2tp";
        String r = reason.toLowerCase();
        if (r.contains("pool")) return POOL_EXHAUSTED;
        if (r.contains("authentication") || r.contains("authenticat") || r.contains("fixed address")) return "auth";
        if (r.contains("echo")) return "echo_timeout";
        if (r.contains("terminate")) return "peer_terminate";
        if (r.contains("shutdown") || r.contains("admin")) return "admin";
        return "negotiation";
    }
}
