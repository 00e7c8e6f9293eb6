package io.lns.server.kernel;

import io.lns.linux.NativeException;
import io.lns.linux.PppUnit;
import io.lns.linux.RtNetlink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys ended sessions' ppp units, in batches, on a thread of its own. Closing a unit's fd
 * unregisters its interface on its own under the rtnl lock, waiting out RCU grace periods: 16 ms a
 * unit on the VM's 6.1 kernel, serialised whatever the number of threads. The units queued while a
 * batch is being deleted are put in one interface group and deleted with one RTM_DELLINK (1 ms a
 * unit there), and only then are their fds closed.
 *
 * <p>A unit is in the group only between its session's end and the delete a moment later, so two
 * lns processes in one namespace that happened to share a group number would only delete each
 * other's dying units early (the loser's delete fails and its fds' closes do the rest).
 */
final class UnitReaper {
    private static final Logger log = LoggerFactory.getLogger(UnitReaper.class);
    /** "LN" in the high half, the low half of the process id in the low. */
    static final int GROUP_BASE = 0x4c4e0000;

    private record Dying(PppUnit unit, int ifIndex) {}

    private final RtNetlink rtnl;
    private final int group;
    private final KernelMetrics metrics;
    private final Executor thread;
    private final ConcurrentLinkedQueue<Dying> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    /** {@code thread} runs the deletes: one thread, so batches do not race for the same units. */
    UnitReaper(RtNetlink rtnl, int group, KernelMetrics metrics, Executor thread) {
        this.rtnl = rtnl;
        this.group = group;
        this.metrics = metrics;
        this.thread = thread;
    }

    static int processGroup() {
        return GROUP_BASE + (int) (ProcessHandle.current().pid() & 0xffff);
    }

    /** The unit's session is closed (PPPoL2TP socket and channel): destroy it soon. Any thread. */
    void reap(PppUnit unit, int ifIndex) {
        queue.add(new Dying(unit, ifIndex));
        if (drainQueued.compareAndSet(false, true)) {
            try {
                thread.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain(); // shutting down: the caller's thread does it
            }
        }
    }

    /** Destroys every unit queued so far. On the reaper's thread, or once it has stopped. */
    void drain() {
        drainQueued.set(false); // first: a unit queued after this is seen below or by the next drain
        List<Dying> batch = new ArrayList<>();
        for (Dying d = queue.poll(); d != null; d = queue.poll()) batch.add(d);
        if (batch.size() > 1) deleteTogether(batch);
        for (Dying d : batch) {
            d.unit().close(); // destroys the interface, unless the group delete did
            metrics.unitClosed();
        }
    }

    private void deleteTogether(List<Dying> batch) {
        int grouped = 0;
        for (Dying d : batch) {
            if (d.ifIndex() <= 0) continue;
            try {
                rtnl.setGroup(d.ifIndex(), group);
                grouped++;
            } catch (NativeException e) {
                log.debug("{}: not deleted with its batch: {}", d.unit().interfaceName(), e.getMessage());
            }
        }
        if (grouped == 0) return;
        try {
            rtnl.deleteGroup(group);
            metrics.unitsDeletedTogether(grouped);
        } catch (NativeException e) {
            // closing each fd deletes each interface, the slow way
            metrics.failed("unit_group_delete");
            log.warn("deleting {} ppp interfaces together: {}", grouped, e.getMessage());
        }
    }
}
