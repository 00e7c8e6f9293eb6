package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NetNamespaceTest {
    private static final Path THREAD_NETNS = Path.of("/proc/thread-self/ns/net");
    private static NetNamespace namespace;

    @BeforeAll
    static void create() throws Exception {
        namespace = TestNamespaces.create("ns");
    }

    @AfterAll
    static void delete() throws Exception {
        if (namespace != null) {
            namespace.close();
        }
    }

    @Test
    void callRunsInsideTheNamespaceAndComesBack() throws Exception {
        String outside = Files.readSymbolicLink(THREAD_NETNS).toString();

        String inside =
                namespace.call(() -> Files.readSymbolicLink(THREAD_NETNS).toString());

        assertThat(inside).isNotEqualTo(outside);
        assertThat(Files.readSymbolicLink(THREAD_NETNS).toString()).isEqualTo(outside);
    }

    @Test
    void insideOnlyLoopbackExists() throws Exception {
        var links = namespace.call(() -> {
            try (RtNetlink rt = RtNetlink.open()) {
                return rt.links();
            }
        });

        assertThat(links).extracting(RtNetlink.Link::name).containsExactly("lo");
    }

    @Test
    void aFailingTaskStillReturnsTheThreadToItsNamespace() throws Exception {
        String outside = Files.readSymbolicLink(THREAD_NETNS).toString();

        assertThatThrownBy(() -> namespace.call(() -> {
                    throw new IllegalStateException("task failed");
                }))
                .hasMessage("task failed");

        assertThat(Files.readSymbolicLink(THREAD_NETNS).toString()).isEqualTo(outside);
    }

    @Test
    void deletingRemovesItFromRunNetns() throws Exception {
        NetNamespace temporary = TestNamespaces.create("ns-tmp");
        Path path = Path.of("/run/netns", temporary.name());
        assertThat(path).exists();

        temporary.close();
        temporary.close(); // idempotent

        assertThat(path).doesNotExist();
    }
}
