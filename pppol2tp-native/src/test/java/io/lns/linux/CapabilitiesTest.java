package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CapabilitiesTest {
    @Test
    void everyCheckHasAReasonAndTheProbeNeverThrows() throws Exception {
        Capabilities capabilities = probeWithoutTouchingTheHost();

        assertThat(capabilities.describe())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).matches(".+: (yes|no) \\(.+\\)"));
        assertThat(capabilities.kernelDataPath())
                .isEqualTo(capabilities.pppox().available()
                        && capabilities.l2tpGenl().available()
                        && capabilities.devPpp().available());
        System.out.println("capabilities here: " + capabilities.describe());
    }

    @Test
    void aMissingKernelPieceSaysWhichCallFailedAndWhy() throws Exception {
        Capabilities capabilities = probeWithoutTouchingTheHost();

        if (!capabilities.pppox().available()) {
            assertThat(capabilities.pppox().reason()).startsWith("socket(AF_PPPOX): E");
        }
        if (!capabilities.l2tpGenl().available()) {
            assertThat(capabilities.l2tpGenl().reason()).contains("CTRL_CMD_GETFAMILY(l2tp)");
        }
        if (!capabilities.devPpp().available()) {
            assertThat(capabilities.devPpp().reason()).startsWith("open(/dev/ppp): E");
        }
    }

    @Test
    void asRootWithDevNetTunTheTunPathIsAvailableAndLeavesNoDeviceBehind() throws Exception {
        assumeThat(Path.of("/dev/net/tun")).exists();
        try (NetNamespace namespace = TestNamespaces.create("caps")) {
            Capabilities capabilities = namespace.call(Capabilities::probe);
            var links = namespace.call(() -> {
                try (RtNetlink rt = RtNetlink.open()) {
                    return rt.links();
                }
            });

            assertThat(capabilities.tunDataPath())
                    .as(capabilities.tun().reason())
                    .isTrue();
            assertThat(links).extracting(RtNetlink.Link::name).containsExactly("lo");
        }
    }

    /** The TUN probe creates a device for a moment: as root, do it in a namespace of our own. */
    private static Capabilities probeWithoutTouchingTheHost() throws Exception {
        if (NetNamespace.unavailableReason() != null) {
            return Capabilities.probe(); // unprivileged: the probe cannot create anything
        }
        try (NetNamespace namespace =
                NetNamespace.create("lns-caps-probe-" + ProcessHandle.current().pid())) {
            return namespace.call(Capabilities::probe);
        }
    }
}
