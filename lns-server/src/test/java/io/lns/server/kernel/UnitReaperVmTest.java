package io.lns.server.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lns.linux.NetNamespace;
import io.lns.linux.PppUnit;
import io.lns.linux.RtNetlink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Real ppp units (so: the VM, scripts/vm-tests) in a namespace of the test's own. */
@Tag("vm")
class UnitReaperVmTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KernelMetrics metrics = new KernelMetrics(registry);
    /** The reaper's thread, run by hand: what is queued when it runs is one batch. */
    private final List<Runnable> reaperThread = new ArrayList<>();

    private final List<PppUnit> opened = new ArrayList<>();
    private NetNamespace namespace;
    private RtNetlink rtnl;
    private UnitReaper reaper;

    @BeforeEach
    void namespace() throws Exception {
        String unavailable = NetNamespace.unavailableReason();
        assumeTrue(unavailable == null, () -> "needs network namespaces: " + unavailable);
        namespace = NetNamespace.create("lns-reaper-" + ProcessHandle.current().pid());
        rtnl = namespace.call(RtNetlink::open);
        reaper = new UnitReaper(rtnl, UnitReaper.processGroup(), metrics, reaperThread::add);
    }

    @AfterEach
    void close() throws Exception {
        for (PppUnit u : opened) u.close();
        if (rtnl != null) rtnl.close();
        if (namespace != null) namespace.close();
    }

    @Test
    void unitsQueuedTogetherAreDeletedTogetherAndNoOther() throws Exception {
        List<PppUnit> ending = units(5);
        PppUnit bystander = units(1).get(0);

        reapInOneBatch(ending);

        assertThat(interfaces()).containsExactly(bystander.interfaceName());
        assertThat(ending).allSatisfy(u -> assertThat(u.fd().isOpen()).isFalse());
        assertThat(batchDeleted()).isEqualTo(5);
        assertThat(bystander.fd().isOpen()).isTrue();
    }

    @Test
    void aUnitEndingAloneIsDestroyedByClosingItsFd() throws Exception {
        List<PppUnit> ending = units(1);

        reapInOneBatch(ending);

        assertThat(interfaces()).isEmpty();
        assertThat(ending.get(0).fd().isOpen()).isFalse();
        assertThat(batchDeleted()).isZero();
    }

    @Test
    void aUnitWhoseInterfaceIsAlreadyGoneDoesNotHoldTheOthersBack() throws Exception {
        List<PppUnit> ending = units(3);
        int gone = rtnl.linkIndex(ending.get(0).interfaceName());
        rtnl.deleteLink(gone); // as an operator's `ip link del` would

        reapInOneBatch(ending);

        assertThat(interfaces()).isEmpty();
        assertThat(ending).allSatisfy(u -> assertThat(u.fd().isOpen()).isFalse());
        assertThat(batchDeleted()).isEqualTo(2);
        assertThat(registry.find("lns_kernel_failures").counter()).isNull();
    }

    private List<PppUnit> units(int n) throws Exception {
        List<PppUnit> units = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PppUnit u = namespace.call(PppUnit::create);
            opened.add(u);
            units.add(u);
            rtnl.setLinkUp(rtnl.linkIndex(u.interfaceName()), true);
        }
        return units;
    }

    /** Every unit queued before the reaper's thread runs, as when a tunnel's sessions end together. */
    private void reapInOneBatch(List<PppUnit> units) throws Exception {
        List<Integer> indexes = new ArrayList<>();
        for (PppUnit u : units) {
            indexes.add(interfaces().contains(u.interfaceName()) ? rtnl.linkIndex(u.interfaceName()) : 999_999);
        }
        for (int i = 0; i < units.size(); i++) reaper.reap(units.get(i), indexes.get(i));
        assertThat(reaperThread).as("one drain queued for the batch").hasSize(1);
        reaperThread.remove(0).run();
    }

    private List<String> interfaces() throws Exception {
        return rtnl.links().stream()
                .map(RtNetlink.Link::name)
                .filter(n -> n.startsWith("ppp"))
                .toList();
    }

    private double batchDeleted() {
        return registry.get("lns_kernel_ppp_units_batch_deleted").counter().count();
    }
}
