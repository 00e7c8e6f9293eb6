package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Proves the VM that scripts/vm-tests boots is what the kernel tests need: L2TP and PPP in the
 * kernel, and root with namespaces, veth and netem. Tagged {@code vm}: the host's kernel lacks these,
 * so surefire skips it and scripts/vm-tests runs it under qemu. A failure here means the harness,
 * not the code under test, is broken.
 */
@Tag("vm")
class VmHarnessTest {
    private static final long COMMAND_TIMEOUT_SECONDS = 10;

    @Test
    void theKernelHasEverythingTheKernelDataPathNeeds() {
        Capabilities capabilities = Capabilities.probe();

        assertThat(Path.of("/dev/ppp")).exists();
        assertThat(capabilities.kernelDataPath())
                .as("%s", capabilities.describe())
                .isTrue();
        assertThat(capabilities.tunDataPath()).as(capabilities.tun().reason()).isTrue();
    }

    @Test
    void aNamespaceGetsAVethPairAndNetemAndLeavesNothingBehind() throws Exception {
        String name;
        try (NetNamespace namespace = TestNamespaces.create("vm-harness")) {
            name = namespace.name();
            run("ip", "-n", name, "link", "add", "vm0", "type", "veth", "peer", "name", "vm1");
            run("ip", "-n", name, "link", "set", "vm0", "up");
            // netem is what the host lacks for loss and delay injection
            run("tc", "-n", name, "qdisc", "add", "dev", "vm0", "root", "netem", "delay", "1ms", "loss", "1%");

            var links = namespace.call(() -> {
                try (RtNetlink rt = RtNetlink.open()) {
                    return rt.links();
                }
            });
            assertThat(links).extracting(RtNetlink.Link::name).contains("lo", "vm0", "vm1");
            assertThat(run("tc", "-n", name, "qdisc", "show", "dev", "vm0")).contains("netem");
        }
        assertThat(Path.of("/run/netns", name)).doesNotExist();
        assertThat(Files.readString(Path.of("/proc/net/dev"))).doesNotContain("vm0:", "vm1:");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue())
                .as("%s: %s", String.join(" ", command), output)
                .isZero();
        return output;
    }
}
