package io.lns.server.kernel;

import io.lns.linux.NativeException;
import io.lns.linux.PppUnit;
import io.lns.linux.RtNetlink;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Destroys ended sessions' ppp units, in batches. Closing a unit's fd unregisters its interface on
 * its own, and the kernel waits out RCU grace periods for each one while the closing thread, the
 * tunnel's event loop, is blocked: 16 ms a unit on the VM's 6.1 kernel, so a LAC dropping a tunnel
 * of a thousand sessions would stall every other tunnel of the loop for seconds. The units that end
 * in one turn of the loop are instead put in the loop's interface group and deleted with one
 * RTM_DELLINK (1.3 ms a unit there), and only then are their fds closed. One per event loop, used on
 * it only.
 *
 * <p>A unit is in the group only between its session's end and the delete a moment later, so two
 * lns processes in one namespace that happened to share a group number would only delete each
 * other's dying units early (the loser's delete fails and its fds' closes do the rest).
 */
final class UnitReaper {
    private static final Logger log = LoggerFactory.getLogger(UnitReaper.class);
    /** "LN" in the high half; the loop's number in the low. */
    static final int GROUP_BASE = 0x4c4e0000;

    private record Dying(PppUnit unit, int ifIndex) {}

    private final EventExecutor loop;
    private final RtNetlink rtnl;
    private final int group;
    private final KernelMetrics metrics;
    private final List<Dying> pending = new ArrayList<>();

    UnitReaper(EventExecutor loop, RtNetlink rtnl, int loopNumber, KernelMetrics metrics) {
        this.loop = loop;
        this.rtnl = rtnl;
        this.group = GROUP_BASE + (loopNumber & 0xffff);
        this.metrics = metrics;
    }

    /** The unit's session has ended (its PPPoL2TP socket and channel are closed): destroy it soon. */
    void reap(PppUnit unit, int ifIndex) {
        pending.add(new Dying(unit, ifIndex));
        if (pending.size() == 1) loop.execute(this::flush);
    }

    /** Destroys every unit reaped since the last flush; also when the data plane closes. */
    void flush() {
        if (pending.isEmpty()) return;
        List<Dying> batch = new ArrayList<>(pending);
        pending.clear();
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
