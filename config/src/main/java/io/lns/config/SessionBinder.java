package io.lns.config;

import java.util.Map;
import java.util.Optional;

/** Binds session profiles. */
final class SessionBinder {

    static final Map<String, Sequencing> SEQUENCING = TunnelBinder.words(Sequencing.values());

    private SessionBinder() {}

    static SessionProfile bind(MappingReader r, SessionProfile base, String name) {
        Sequencing seq = r.get("sequencing", base.sequencing(), Scalars.words(SEQUENCING));
        TraceMask trace = r.get("trace", base.trace(), Values::trace);
        String ppp = r.reference("ppp-profile", "ppp-profiles");
        r.rejectUnknown(null);
        return new SessionProfile(seq, trace, ppp != null ? Optional.of(ppp) : base.pppProfile());
    }
}
