package io.lns.linux;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener on the {@code l2tp} generic-netlink multicast group (kernel/FACTS.md §2.1): the kernel
 * announces tunnels and sessions created, modified and deleted <em>through netlink</em>, by this
 * process or any other in the namespace. Closing a UDP or PPPoL2TP socket deletes kernel objects
 * without any event, so this is a way to watch other programs, not a teardown signal.
 *
 * <p>{@link #poll} waits a bounded time and returns what arrived. If notifications come faster than
 * they are polled the kernel drops some; {@link #overruns()} counts those occasions, after which the
 * caller should re-read the state with {@link L2tpGenl#tunnels()} and {@link L2tpGenl#sessions()}.
 * The socket listens in the network namespace of the thread that opened it.
 */
public final class L2tpEvents implements AutoCloseable {
    /** The most datagrams one {@link #poll} takes, so a flood cannot hold the caller forever. */
    static final int MAX_DATAGRAMS_PER_POLL = 256;

    /**
     * One notification: the genl command ({@link #TUNNEL_CREATE} ...), the local tunnel id and, for
     * session events, the local session id (0 for tunnel events).
     */
    public record Event(int command, int tunnelId, int sessionId) {
        public static final int TUNNEL_CREATE = L2tpGenlMessages.CMD_TUNNEL_CREATE;
        public static final int TUNNEL_DELETE = L2tpGenlMessages.CMD_TUNNEL_DELETE;
        public static final int TUNNEL_MODIFY = L2tpGenlMessages.CMD_TUNNEL_MODIFY;
        public static final int SESSION_CREATE = L2tpGenlMessages.CMD_SESSION_CREATE;
        public static final int SESSION_DELETE = L2tpGenlMessages.CMD_SESSION_DELETE;
        public static final int SESSION_MODIFY = L2tpGenlMessages.CMD_SESSION_MODIFY;

        /** The command's name without prefix, e.g. {@code "SESSION_CREATE"}. */
        public String name() {
            return L2tpGenlMessages.commandName(command);
        }

        @Override
        public String toString() {
            return name() + "(tunnel " + tunnelId + (sessionId == 0 ? "" : ", session " + sessionId) + ")";
        }
    }

    private final GenericNetlink genl;
    private final int family;
    private long overruns;

    private L2tpEvents(GenericNetlink genl, int family) {
        this.genl = genl;
        this.family = family;
    }

    /**
     * Opens a socket in the calling thread's namespace, resolves the family and joins its group.
     *
     * @throws NativeException ENOENT when the kernel has no {@code l2tp} family, or no group named
     *     {@code l2tp} in it
     */
    public static L2tpEvents open() throws NativeException {
        GenericNetlink genl = GenericNetlink.open(L2tpGenl.DEFAULT_TIMEOUT);
        try {
            GenericNetlink.Family family = genl.family(L2tpGenlMessages.FAMILY);
            Integer group = family.groups().get(L2tpGenlMessages.MULTICAST_GROUP);
            if (group == null) {
                throw new NativeException(
                        "CTRL_CMD_GETFAMILY(l2tp)",
                        Errno.ENOENT,
                        "no multicast group " + L2tpGenlMessages.MULTICAST_GROUP + " in " + family.groups());
            }
            genl.netlink().joinGroup(group, "l2tp group " + group);
            return new L2tpEvents(genl, family.id());
        } catch (NativeException | RuntimeException e) {
            genl.close();
            throw e;
        }
    }

    /**
     * Waits up to {@code wait} for notifications and returns those that arrived, in order (empty when
     * none did). Once one has arrived it takes what else is already queued without waiting further.
     */
    public List<Event> poll(Duration wait) throws NativeException {
        Netlink.Received received = genl.netlink().receive(wait, MAX_DATAGRAMS_PER_POLL);
        if (received.overrun()) {
            synchronized (this) {
                overruns++;
            }
        }
        List<Event> events = new ArrayList<>();
        for (NetlinkMessage message : received.messages()) {
            if (message.type() != family) {
                continue;
            }
            Event event = L2tpGenlMessages.parseEvent(message.payload());
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    /** How many times the kernel reported dropped notifications (receive queue full). */
    public synchronized long overruns() {
        return overruns;
    }

    @Override
    public void close() {
        genl.close();
    }
}
