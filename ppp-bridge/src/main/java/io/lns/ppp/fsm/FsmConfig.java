package io.lns.ppp.fsm;

import java.time.Duration;

/** Counters and timer of RFC 1661 §4.6. */
public record FsmConfig(Duration restartTimer, int maxConfigure, int maxTerminate, int maxFailure) {
    public static final FsmConfig DEFAULT = new FsmConfig(Duration.ofSeconds(3), 10, 2, 5);

    public FsmConfig {
        if (restartTimer.isNegative()
                || restartTimer.isZero()
                || maxConfigure < 1
                || maxTerminate < 1
                || maxFailure < 1) {
            throw new IllegalArgumentException("restart timer and counters must be positive");
        }
    }
}
