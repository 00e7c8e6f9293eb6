package io.lns.linux;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;

/** Test namespaces: skipped with the reason when this host cannot make them, unique per JVM. */
final class TestNamespaces {
    private TestNamespaces() {}

    static NetNamespace create(String purpose) throws IOException {
        assumeThat(NetNamespace.unavailableReason())
                .as("needs root and ip netns (tests run in their own network namespace)")
                .isNull();
        return NetNamespace.create(
                "lns-" + purpose + "-" + ProcessHandle.current().pid());
    }
}
