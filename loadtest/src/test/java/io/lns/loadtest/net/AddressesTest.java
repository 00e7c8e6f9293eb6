package io.lns.loadtest.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class AddressesTest {
    @Test
    void lnsDefaultsToPort1701() {
        assertThat(Addresses.lns("127.0.0.1").getPort()).isEqualTo(1701);
        assertThat(Addresses.lns("127.0.0.1:11701").getPort()).isEqualTo(11701);
        assertThatThrownBy(() -> Addresses.lns("127.0.0.1:x")).hasMessageContaining("bad port");
        assertThatThrownBy(() -> Addresses.lns("127.0.0.1:70000")).hasMessageContaining("port out of");
    }

    @Test
    void localsAreListsAndRanges() {
        assertThat(Addresses.locals("127.0.0.2-127.0.0.4, 10.0.0.1"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4", "10.0.0.1");
        assertThat(Addresses.locals("127.0.0.255-127.0.1.0"))
                .extracting(InetAddress::getHostAddress)
                .containsExactly("127.0.0.255", "127.0.1.0");
        assertThatThrownBy(() -> Addresses.locals("127.0.0.4-127.0.0.2")).hasMessageContaining("empty range");
    }
}
