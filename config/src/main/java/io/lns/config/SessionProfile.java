package io.lns.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A session profile, complete: fields a named profile does not set come from {@code default}.
 *
 * @param sequencing data-message sequence numbers
 * @param trace trace categories for sessions of this profile
 * @param pppProfile ppp profile for these sessions, unless the request names one
 */
public record SessionProfile(Sequencing sequencing, TraceMask trace, Optional<String> pppProfile) {

    /** The built-in {@code default} session profile. */
    public static final SessionProfile DEFAULTS = new SessionProfile(Sequencing.NONE, TraceMask.NONE, Optional.empty());

    public SessionProfile {
        Objects.requireNonNull(sequencing, "sequencing");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(pppProfile, "pppProfile");
    }
}
