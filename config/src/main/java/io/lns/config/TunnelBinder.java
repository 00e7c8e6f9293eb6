package io.lns.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Binds one tunnel profile over its base, and checks the fields that depend on each other. */
final class TunnelBinder {

    static final Map<String, AuthMode> AUTH_MODES = words(AuthMode.values());
    static final Map<String, SourcePort> SOURCE_PORTS = sourcePorts();

    private TunnelBinder() {}

    static TunnelProfile bind(MappingReader r, TunnelProfile base, String name) {
        Optional<Secret> secret = r.get("secret", base.secret(), Scalars::secret);
        AuthMode auth = r.get("auth-mode", base.authMode(), Scalars.words(AUTH_MODES));
        boolean hide = r.get("hide-avps", base.hideAvps(), Scalars::bool);
        boolean hideInSccrp = r.get("hide-avps-in-sccrp", base.hideAvpsInSccrp(), Scalars::bool);
        Duration hello = r.get("hello-interval", base.helloInterval(), TunnelBinder::helloInterval);
        Duration rtInitial = r.get(
                "retransmit-initial",
                base.retransmitInitial(),
                Scalars.durations(Duration.ofMillis(100), Duration.ofSeconds(30)));
        Duration rtCap = r.get(
                "retransmit-cap",
                base.retransmitCap(),
                Scalars.durations(Duration.ofSeconds(1), Duration.ofMinutes(5)));
        int retries = r.get("max-retries", base.maxRetries(), Scalars.ints(0, 100));
        int window = r.get("receive-window", base.receiveWindow(), Scalars.ints(1, 32767));
        Duration ackDelay =
                r.get("ack-delay", base.ackDelay(), Scalars.durations(Duration.ZERO, Duration.ofSeconds(1)));
        Duration setupTimeout =
                r.get("setup-timeout", base.setupTimeout(), Scalars.durations(Duration.ZERO, Duration.ofHours(1)));
        int maxSessions = r.get("max-sessions", base.maxSessions(), Scalars.ints(1, 65535));
        SourcePort port = r.get("source-port", base.sourcePort(), Scalars.words(SOURCE_PORTS));
        TraceMask trace = r.get("trace", base.trace(), Values::trace);
        String session = r.reference("session-profile", "session-profiles");
        String ppp = r.reference("ppp-profile", "ppp-profiles");
        r.rejectUnknown(null);

        if (auth == AuthMode.CHALLENGE && secret.isEmpty()) {
            r.errorAtFirstPresent("auth-mode challenge needs a secret", "auth-mode", "secret");
        }
        if (hide && secret.isEmpty()) {
            r.errorAtFirstPresent("hide-avps needs a secret to hide AVPs with", "hide-avps", "secret");
        }
        if (rtCap.compareTo(rtInitial) < 0) {
            r.errorAtFirstPresent(
                    "retransmit-cap " + Durations.format(rtCap) + " is shorter than retransmit-initial "
                            + Durations.format(rtInitial),
                    "retransmit-cap",
                    "retransmit-initial");
        }
        return new TunnelProfile(
                secret,
                auth,
                hide,
                hideInSccrp,
                hello,
                rtInitial,
                rtCap,
                retries,
                window,
                ackDelay,
                setupTimeout,
                maxSessions,
                port,
                trace,
                session != null ? Optional.of(session) : base.sessionProfile(),
                ppp != null ? Optional.of(ppp) : base.pppProfile());
    }

    private static Duration helloInterval(Node n, String path, BindContext ctx) {
        Duration d = Scalars.duration(n, path, ctx, Duration.ZERO, Duration.ofHours(1));
        if (d != null && !d.isZero() && d.compareTo(Duration.ofSeconds(1)) < 0) {
            ctx.error(n, path, "a hello interval is 0s (no HELLOs) or at least 1s");
            return null;
        }
        return d;
    }

    private static Map<String, SourcePort> sourcePorts() {
        Map<String, SourcePort> m = new LinkedHashMap<>();
        m.put("1701", SourcePort.LISTEN_PORT);
        m.put("ephemeral", SourcePort.EPHEMERAL);
        m.put("auto", SourcePort.AUTO);
        return m;
    }

    static <E extends Enum<E>> Map<String, E> words(E[] values) {
        Map<String, E> m = new LinkedHashMap<>();
        for (E e : values) m.put(e.name().toLowerCase(Locale.ROOT), e);
        return m;
    }
}
