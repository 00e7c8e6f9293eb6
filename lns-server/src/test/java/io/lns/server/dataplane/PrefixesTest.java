package io.lns.server.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lns.server.dataplane.Prefixes.Prefix;
import org.junit.jupiter.api.Test;

class PrefixesTest {
    @Test
    void coversRangesExactlyWithTheFewestPrefixes() {
        assertThat(Prefixes.cover(0x64400000L, 0x6440FFFFL)).containsExactly(new Prefix(0x64400000L, 16));
        assertThat(Prefixes.cover(0x0A000001L, 0x0A000006L))
                .containsExactly(
                        new Prefix(0x0A000001L, 32),
                        new Prefix(0x0A000002L, 31),
                        new Prefix(0x0A000004L, 31),
                        new Prefix(0x0A000006L, 32));
        assertThat(Prefixes.cover(0, 0xFFFFFFFFL)).containsExactly(new Prefix(0, 0));
        assertThat(Prefixes.cover(0xFFFFFFFFL, 0xFFFFFFFFL)).containsExactly(new Prefix(0xFFFFFFFFL, 32));
        assertThatThrownBy(() -> Prefixes.cover(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
