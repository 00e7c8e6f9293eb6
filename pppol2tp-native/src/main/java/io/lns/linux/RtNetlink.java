package io.lns.linux;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Links, addresses and routes through a NETLINK_ROUTE socket (kernel/FACTS.md §8). Each call sends
 * one request with NLM_F_ACK and blocks until the kernel answers or the timeout passes; a refusal is a
 * {@link NativeException} with the kernel's errno (EEXIST, ENODEV, EBUSY...) and its extended-ack text.
 *
 * <p>The socket acts in the network namespace of the thread that opened it: open it inside {@link
 * NetNamespace#call} to configure another namespace.
 */
public final class RtNetlink implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** A network interface as the kernel reports it. */
    public record Link(int index, String name, int mtu, int flags) {
        public boolean up() {
            return (flags & RtNetlinkMessages.IFF_UP) != 0;
        }
    }

    /**
     * An interface address: {@code local} (IFA_LOCAL) and {@code address} (IFA_ADDRESS), which differ
     * only on point-to-point links, where {@code address} is the peer.
     */
    public record Address(int index, InetAddress local, InetAddress address, int prefixLength) {}

    /** A route in the main table; {@code index} is its output interface (0 when it has none). */
    public record Route(InetAddress prefix, int prefixLength, int index) {}

    private final Netlink netlink;

    private RtNetlink(Netlink netlink) {
        this.netlink = netlink;
    }

    /** Opens a socket in the calling thread's network namespace, with {@link #DEFAULT_TIMEOUT}. */
    public static RtNetlink open() throws NativeException {
        return open(DEFAULT_TIMEOUT);
    }

    public static RtNetlink open(Duration timeout) throws NativeException {
        return new RtNetlink(Netlink.open(Netlink.NETLINK_ROUTE, timeout));
    }

    /** The interface index of {@code name}; ENODEV when there is no such interface. */
    public int linkIndex(String name) throws NativeException {
        return link(name).index();
    }

    public Link link(String name) throws NativeException {
        List<NetlinkMessage> replies = netlink.request(RtNetlinkMessages.getLink(name));
        if (replies.isEmpty()) {
            throw new NativeException("RTM_GETLINK(" + name + ")", Errno.ENODEV);
        }
        return parseLink(replies.get(0));
    }

    public List<Link> links() throws NativeException {
        List<Link> links = new ArrayList<>();
        for (NetlinkMessage message : netlink.request(RtNetlinkMessages.dumpLinks())) {
            if (message.type() == RtNetlinkMessages.RTM_NEWLINK) {
                links.add(parseLink(message));
            }
        }
        return links;
    }

    public void setLinkUp(int index, boolean up) throws NativeException {
        netlink.ack(RtNetlinkMessages.setLinkUp(index, up));
    }

    public void setMtu(int index, int mtu) throws NativeException {
        netlink.ack(RtNetlinkMessages.setMtu(index, mtu));
    }

    /** Renames a link; the kernel refuses (EBUSY) while it is up. */
    public void renameLink(int index, String name) throws NativeException {
        netlink.ack(RtNetlinkMessages.rename(index, name));
    }

    public void deleteLink(int index) throws NativeException {
        netlink.ack(RtNetlinkMessages.deleteLink(index));
    }

    /** Puts a link in interface group {@code group} (IFLA_GROUP; 0 is the default group). */
    public void setGroup(int index, int group) throws NativeException {
        netlink.ack(RtNetlinkMessages.setGroup(index, group));
    }

    /**
     * Deletes every link of interface group {@code group} in one operation (as {@code ip link del
     * group N}). The kernel unregisters them together, waiting out the RCU grace periods once for all
     * instead of once per link: on Debian's 6.1 in the project's VM, about 1 ms a ppp unit against 16 ms
     * for closing each unit's fd (kernel/FACTS.md §9 order otherwise). A group with a link whose kind
     * cannot be deleted fails whole (EOPNOTSUPP); an empty group is ENODEV, group 0 EPERM.
     */
    public void deleteGroup(int group) throws NativeException {
        netlink.ack(RtNetlinkMessages.deleteGroup(group));
    }

    /** Adds {@code local/prefixLength} (IPv4 or IPv6); EEXIST if it is already there. */
    public void addAddress(int index, InetAddress local, int prefixLength) throws NativeException {
        netlink.ack(RtNetlinkMessages.newAddress(index, local, null, prefixLength));
    }

    /**
     * Adds a point-to-point address: IFA_LOCAL = {@code local}, IFA_ADDRESS = {@code peer}, prefix 32.
     * The kernel then installs the /32 route to the peer through this link by itself.
     */
    public void addPeerAddress(int index, Inet4Address local, Inet4Address peer) throws NativeException {
        netlink.ack(RtNetlinkMessages.newAddress(index, local, peer, 32));
    }

    public void deleteAddress(int index, InetAddress local, int prefixLength) throws NativeException {
        netlink.ack(RtNetlinkMessages.deleteAddress(index, local, prefixLength));
    }

    /** Every address on interface {@code index} (both families). */
    public List<Address> addresses(int index) throws NativeException {
        List<Address> addresses = new ArrayList<>();
        for (NetlinkMessage message : netlink.request(RtNetlinkMessages.dumpAddresses())) {
            ByteBuffer payload = message.payload();
            if (message.type() != RtNetlinkMessages.RTM_NEWADDR || payload.getInt(4) != index) {
                continue;
            }
            Map<Integer, ByteBuffer> attributes = NetlinkMessage.attributes(payload, 8);
            InetAddress address = inet(attributes.get(RtNetlinkMessages.IFA_ADDRESS));
            InetAddress local = attributes.containsKey(RtNetlinkMessages.IFA_LOCAL)
                    ? inet(attributes.get(RtNetlinkMessages.IFA_LOCAL))
                    : address;
            addresses.add(new Address(index, local, address, Byte.toUnsignedInt(payload.get(1))));
        }
        return addresses;
    }

    /**
     * Adds a device route {@code prefix/prefixLength dev index} to the main table (IPv4 or IPv6);
     * EEXIST if that route exists. Host bits in {@code prefix} must be zero (EINVAL otherwise).
     */
    public void addRoute(InetAddress prefix, int prefixLength, int index) throws NativeException {
        netlink.ack(RtNetlinkMessages.newRoute(prefix, prefixLength, index, false));
    }

    /** Like {@link #addRoute} but replaces an existing route to the same prefix (e.g. left by a crash). */
    public void replaceRoute(InetAddress prefix, int prefixLength, int index) throws NativeException {
        netlink.ack(RtNetlinkMessages.newRoute(prefix, prefixLength, index, true));
    }

    /** Deletes the route {@code prefix/prefixLength dev index}; ESRCH if there is none. */
    public void deleteRoute(InetAddress prefix, int prefixLength, int index) throws NativeException {
        netlink.ack(RtNetlinkMessages.deleteRoute(prefix, prefixLength, index));
    }

    /** The main table's routes, both families. */
    public List<Route> routes() throws NativeException {
        List<Route> routes = new ArrayList<>();
        for (NetlinkMessage message : netlink.request(RtNetlinkMessages.dumpRoutes())) {
            ByteBuffer payload = message.payload();
            if (message.type() != RtNetlinkMessages.RTM_NEWROUTE) {
                continue;
            }
            Map<Integer, ByteBuffer> attributes = NetlinkMessage.attributes(payload, 12);
            ByteBuffer table = attributes.get(RtNetlinkMessages.RTA_TABLE);
            int tableId = table != null ? table.getInt(0) : Byte.toUnsignedInt(payload.get(4));
            if (tableId != RtNetlinkMessages.RT_TABLE_MAIN) {
                continue;
            }
            int family = payload.get(0);
            ByteBuffer dst = attributes.get(RtNetlinkMessages.RTA_DST);
            InetAddress prefix = dst != null
                    ? inet(dst)
                    : inet(ByteBuffer.wrap(new byte[family == RtNetlinkMessages.AF_INET ? 4 : 16]));
            ByteBuffer oif = attributes.get(RtNetlinkMessages.RTA_OIF);
            routes.add(new Route(prefix, Byte.toUnsignedInt(payload.get(1)), oif == null ? 0 : oif.getInt(0)));
        }
        return routes;
    }

    @Override
    public void close() {
        netlink.close();
    }

    private static Link parseLink(NetlinkMessage message) {
        ByteBuffer payload = message.payload();
        Map<Integer, ByteBuffer> attributes = NetlinkMessage.attributes(payload, 16);
        ByteBuffer name = attributes.get(RtNetlinkMessages.IFLA_IFNAME);
        ByteBuffer mtu = attributes.get(RtNetlinkMessages.IFLA_MTU);
        return new Link(
                payload.getInt(4),
                name == null ? "" : NetlinkMessage.string(name),
                mtu == null ? 0 : mtu.getInt(0),
                payload.getInt(8));
    }

    private static InetAddress inet(ByteBuffer value) {
        byte[] bytes = new byte[value.limit()];
        value.get(0, bytes);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("kernel sent a " + bytes.length + "-byte address", e);
        }
    }
}
