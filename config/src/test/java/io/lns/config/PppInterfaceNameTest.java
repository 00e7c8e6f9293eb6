package io.lns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PppInterfaceNameTest {

    @Test
    void defaultKeepsTheKernelsName() {
        PppInterfaceName d = Yamls.parse("system: {}").system().pppInterface();
        assertThat(d.kernelDefault()).isTrue();
        assertThat(d.expand(7, 300, 12)).isEqualTo("ppp7");
    }

    @Test
    void patternsExpandEveryPlaceholder() {
        PppInterfaceName p = Yamls.parse("system: {ppp-interface: \"l2tp{tunnel}-{session}\"}")
                .system()
                .pppInterface();
        assertThat(p.kernelDefault()).isFalse();
        assertThat(p.expand(3, 65535, 65535)).isEqualTo("l2tp65535-65535");
        assertThat(PppInterfaceName.parse("sub{unit}").expand(42, 1, 2)).isEqualTo("sub42");
    }

    @Test
    void ambiguousLongOrOddPatternsAreRefusedWithTheReason() {
        assertThat(Yamls.brief("system: {ppp-interface: \"sub{tunnel}\"}"))
                .containsExactly("1:25 system.ppp-interface: `sub{tunnel}`: the names must be unique: use {unit}, or"
                        + " both {tunnel} and {session}");
        assertThatThrownBy(() -> PppInterfaceName.parse("subscriber{tunnel}{session}"))
                .hasMessageContaining("could reach 20 characters");
        assertThatThrownBy(() -> PppInterfaceName.parse("ppp {unit}")).hasMessageContaining("only A-Z a-z 0-9 _ . -");
        assertThatThrownBy(() -> PppInterfaceName.parse("ppp{units}")).hasMessageContaining("only A-Z a-z 0-9 _ . -");
    }
}
