package io.lns.server.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EndCauseTest {
    @Test
    void foldsPppReasonsToFixedWords() {
        assertThat(EndCause.of("anything", true)).isEqualTo("l2tp");
        assertThat(EndCause.of("address pool exhausted", false)).isEqualTo("pool_exhausted");
        assertThat(EndCause.of("authentication failed for bob: wrong password", false))
                .isEqualTo("auth");
        assertThat(EndCause.of("peer not responding: 5 Echo-Requests unanswered", false))
                .isEqualTo("echo_timeout");
        assertThat(EndCause.of("peer sent Terminate-Request", false)).isEqualTo("peer_terminate");
        assertThat(EndCause.of("peer rejected IPCP", false)).isEqualTo("negotiation");
    }
}
