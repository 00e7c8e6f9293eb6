package io.lns.linux;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/** Test namespaces: skipped with the reason when this host cannot make them, unique per JVM. */
final class TestNamespaces {
    private TestNamespaces() {}

    static NetNamespace create(String purpose) throws IOException {
        // JUnit's assumption, not AssertJ's: AssertJ builds its assumption proxies with ByteBuddy,
        // which took 12 s of the VM's emulated CPU in the tests scripts/vm-tests runs.
        String unavailable = NetNamespace.unavailableReason();
        assumeTrue(
                unavailable == null,
                () -> "needs root and ip netns (tests run in their own network namespace): " + unavailable);
        return NetNamespace.create(
                "lns-" + purpose + "-" + ProcessHandle.current().pid());
    }
}
