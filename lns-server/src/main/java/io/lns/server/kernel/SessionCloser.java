package io.lns.server.kernel;

import io.lns.linux.L2tpStats;
import io.lns.linux.NativeException;
import io.lns.linux.PppChannel;
import io.lns.linux.PppUnit;
import io.lns.linux.PppoL2tpSocket;
import io.lns.linux.RtNetlink;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes ended sessions' kernel objects off the event loops, in FACTS §9's order: the PPPoL2TP
 * socket (it deletes the kernel session), the channel, then the unit through the {@link
 * UnitReaper}. Closing a PPPoL2TP socket sleeps in the kernel for two RCU grace periods (32 ms on
 * the VM's 6.1 kernel; a genl delete first only splits them): on an event loop, a LAC dropping a
 * tunnel of a thousand sessions would stall every other tunnel of the loop for half a minute. The
 * sleeps of threads closing at once share grace periods: 16 threads close in about a tenth of the
 * time one takes.
 */
final class SessionCloser implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SessionCloser.class);
    private static final int THREADS = 16;
    private static final long DRAIN_SECONDS = 30;

    private final KernelMetrics metrics;
    private final RtNetlink reaperRtnl;
    private final ExecutorService closers;
    private final ExecutorService reaperThread;
    private final UnitReaper reaper;

    /** Opens the reaper's rtnetlink socket in the calling thread's namespace (the data plane's). */
    SessionCloser(KernelMetrics metrics) throws NativeException {
        this.metrics = metrics;
        this.reaperRtnl = RtNetlink.open();
        this.closers = Executors.newFixedThreadPool(THREADS, daemons("lns-kernel-close-"));
        this.reaperThread = Executors.newSingleThreadExecutor(daemons("lns-ppp-reaper-"));
        this.reaper = new UnitReaper(reaperRtnl, UnitReaper.processGroup(), metrics, reaperThread);
    }

    /**
     * The session has ended: its fds are no longer watched and {@code last} holds its final counters.
     * Closes them soon, on another thread; {@code unit} is null before the network phase.
     */
    void close(PppoL2tpSocket socket, PppChannel channel, PppUnit unit, int ifIndex, L2tpStats last) {
        Runnable task = () -> {
            socket.close();
            channel.close();
            // after the socket: a counter dump from now on no longer sees the session
            metrics.sessionClosed(last);
            if (unit != null) reaper.reap(unit, ifIndex);
        };
        try {
            closers.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the data plane is closing
        }
    }

    /** Waits (bounded) for every close handed over so far, then stops the threads. */
    @Override
    public void close() {
        closers.shutdown();
        try {
            if (!closers.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                log.warn("kernel sessions still closing after {} s", DRAIN_SECONDS);
            }
            // only now: the closers hand units over until they stop; its queued drains still run
            reaperThread.shutdown();
            reaperThread.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reaper.drain(); // what the closers queued after the reaper's thread stopped
        reaperRtnl.close();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
