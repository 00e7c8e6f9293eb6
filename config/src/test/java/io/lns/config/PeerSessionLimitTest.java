package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeerSessionLimitTest {

    @Test
    void aPeerProfileCarriesItsSessionLimitAndDefaultIsUnlimited() {
        Config c = Yamls.parse("""
                peer-profiles:
                  bras1:
                    addresses: [192.0.2.0/24]
                    max-sessions: 4000
                """);
        assertThat(c.resolvePeer("bras1").maxSessions()).isEqualTo(4000);
        assertThat(c.resolvePeer("default").maxSessions()).isZero();
    }

    @Test
    void aNegativeLimitIsRejectedWithItsPosition() {
        assertThat(Yamls.errors("""
                        peer-profiles:
                          bras1:
                            addresses: [192.0.2.0/24]
                            max-sessions: -1
                        """)).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.path()).isEqualTo("peer-profiles.bras1.max-sessions");
        });
    }
}
