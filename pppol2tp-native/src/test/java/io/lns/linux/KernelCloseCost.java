package io.lns.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A benchmark, not a test (scripts/bench-kernel runs it before the lns runs): what closing a
 * kernel session's objects costs, in the teardown order of kernel/FACTS.md §9, from one thread and
 * from several, and what deleting its ppp units by interface group costs instead of closing each
 * unit's fd. The kernel sleeps for RCU grace periods in these closes; threads closing at once share
 * them. Prints one line per step, in ms per session. In a network namespace of its own.
 *
 * <p>{@code java -cp ... io.lns.linux.KernelCloseCost [SESSIONS]} (default 128), as root, on a
 * kernel with L2TP and PPP.
 */
public final class KernelCloseCost {
    private static final int GROUP = 0x4c4effff;

    private record Session(PppoL2tpSocket socket, PppChannel channel, PppUnit unit) {}

    private KernelCloseCost() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        try (NetNamespace ns = NetNamespace.create(
                        "lns-close-cost-" + ProcessHandle.current().pid());
                L2tpGenl genl = ns.call(L2tpGenl::open);
                RtNetlink rtnl = ns.call(RtNetlink::open)) {
            rtnl.setLinkUp(rtnl.linkIndex("lo"), true);
            int tunnelId = 0;
            for (int threads : new int[] {1, 8, 16, 32}) {
                tunnelId++;
                List<Session> sessions = create(ns, genl, tunnelId, n);
                double closes = perSession(n, threads, sessions, s -> {
                    s.socket().close();
                    s.channel().close();
                });
                double units = perSession(n, threads, sessions, s -> s.unit().close());
                System.out.printf(
                        "%2d threads: PPPoL2TP socket + channel close %6.2f ms a session; unit fd close %6.2f ms a"
                                + " unit%n",
                        threads, closes, units);
            }
            tunnelId++;
            List<Session> sessions = create(ns, genl, tunnelId, n);
            perSession(n, 16, sessions, s -> {
                s.socket().close();
                s.channel().close();
            });
            List<Integer> indexes = new ArrayList<>();
            for (Session s : sessions) indexes.add(rtnl.linkIndex(s.unit().interfaceName()));
            long start = System.nanoTime();
            for (int index : indexes) rtnl.setGroup(index, GROUP);
            long grouped = System.nanoTime();
            rtnl.deleteGroup(GROUP);
            long deleted = System.nanoTime();
            for (Session s : sessions) s.unit().close();
            long end = System.nanoTime();
            System.out.printf(
                    "units by group: set group %6.2f, one RTM_DELLINK %6.2f, close fds %6.2f ms a unit%n",
                    (grouped - start) / 1e6 / n, (deleted - grouped) / 1e6 / n, (end - deleted) / 1e6 / n);
        }
    }

    /** One tunnel on a pair of loopback sockets, {@code n} sessions with socket, channel and unit. */
    private static List<Session> create(NetNamespace ns, L2tpGenl genl, int tunnelId, int n) throws Exception {
        return ns.call(() -> {
            int port = 20000 + 2 * tunnelId;
            int local = KernelL2tpTest.udp(port, port + 1);
            KernelL2tpTest.udp(port + 1, port); // the peer: kept open until the process exits
            genl.createTunnel(tunnelId, tunnelId + 1000, local);
            List<Session> sessions = new ArrayList<>();
            for (int sid = 1; sid <= n; sid++) {
                genl.createSession(tunnelId, sid, sid, false);
                PppoL2tpSocket socket = PppoL2tpSocket.connect(tunnelId, sid, tunnelId + 1000, sid, false);
                PppChannel channel = PppChannel.attach(socket.channelIndex());
                PppUnit unit = PppUnit.create();
                channel.connect(unit.unit());
                sessions.add(new Session(socket, channel, unit));
            }
            return sessions;
        });
    }

    private interface Step {
        void on(Session s) throws Exception;
    }

    /** Runs {@code step} on every session from {@code threads} threads; ms a session. */
    private static double perSession(int n, int threads, List<Session> sessions, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Session s : sessions) {
                done.add(pool.submit(() -> {
                    step.on(s);
                    return null;
                }));
            }
            for (Future<?> f : done) f.get();
            return (System.nanoTime() - start) / 1e6 / n;
        } finally {
            pool.shutdown();
        }
    }
}
