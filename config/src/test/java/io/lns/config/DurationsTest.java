package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void parsesWholeNumbersWithAUnit() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("1m")).isEqualTo(Duration.ofMinutes(1));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse("0s")).isEqualTo(Duration.ZERO);
        assertThat(Durations.parse(" 5s ")).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refusesOtherForms() {
        assertThatThrownBy(() -> Durations.parse("60")).hasMessageContaining("needs a unit");
        for (String bad : new String[] {"1.5s", "-1s", "1 s", "1S", "1d", "1m30s", "s", "", "9999999999s"}) {
            assertThatThrownBy(() -> Durations.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void formatsInTheLargestExactUnit() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(Durations.format(Duration.ofMillis(100))).isEqualTo("100ms");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(60))).isEqualTo("1m");
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
        for (String s : new String[] {"250ms", "8s", "5m", "1h"}) {
            assertThat(Durations.format(Durations.parse(s))).isEqualTo(s);
        }
    }

    @Test
    void configDurationsAreBoundAndRangeChecked() {
        TunnelProfile t = Yamls.parse(
                        "tunnel-profiles:\n  default:\n    hello-interval: 0\n    retransmit-initial: 250ms\n"
                                + "    retransmit-cap: 1m\n    ack-delay: 0s\n    setup-timeout: 0s\n")
                .resolveTunnel("default");
        assertThat(t.helloInterval()).isZero();
        assertThat(t.retransmitInitial()).isEqualTo(Duration.ofMillis(250));
        assertThat(t.retransmitCap()).isEqualTo(Duration.ofMinutes(1));
        assertThat(t.ackDelay()).isZero();
        assertThat(t.setupTimeout()).isZero();
        assertThat(TunnelProfile.DEFAULTS.setupTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(Yamls.brief("tunnel-profiles:\n  default:\n    setup-timeout: 2h\n"))
                .containsExactly("3:20 tunnel-profiles.default.setup-timeout: 2h is out of range 0s..1h");
        assertThat(Yamls.brief("tunnel-profiles:\n  default:\n    retransmit-initial: 50ms\n"))
                .containsExactly("3:25 tunnel-profiles.default.retransmit-initial: 50ms is out of range 100ms..30s");
        assertThat(Yamls.brief("tunnel-profiles:\n  default:\n    hello-interval: 2h\n"))
                .containsExactly("3:21 tunnel-profiles.default.hello-interval: 2h is out of range 0s..1h");
    }
}
