package io.lns.server.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSIX signals the daemon answers (SIGUSR1: status dump; SIGHUP: reload). Kept in one place: the
 * only user of the JDK-internal {@code sun.misc.Signal}.
 */
@SuppressWarnings("sunapi")
final class Signals {
    private static final Logger log = LoggerFactory.getLogger(Signals.class);

    private Signals() {}

    /** Installs {@code action} for {@code name} (e.g. "USR1"); false when the JVM will not allow it. */
    static boolean on(String name, Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal(name), s -> action.run());
            return true;
        } catch (IllegalArgumentException e) {
            log.warn("cannot handle SIG{}: {}", name, e.getMessage());
            return false;
        }
    }
}
