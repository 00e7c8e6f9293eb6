package io.lns.linux;

import static io.lns.linux.NetlinkMessage.NLM_F_ACK;
import static io.lns.linux.NetlinkMessage.NLM_F_CREATE;
import static io.lns.linux.NetlinkMessage.NLM_F_DUMP;
import static io.lns.linux.NetlinkMessage.NLM_F_EXCL;
import static io.lns.linux.NetlinkMessage.NLM_F_REPLACE;
import static io.lns.linux.NetlinkMessage.NLM_F_REQUEST;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * The rtnetlink requests lns sends, as pure message builders (kernel/FACTS.md §8 has the layouts):
 * {@code ifinfomsg} (16 bytes) for links, {@code ifaddrmsg} (8) for addresses, {@code rtmsg} (12)
 * for routes, each followed by attributes.
 */
final class RtNetlinkMessages {
    static final int RTM_NEWLINK = 16;
    static final int RTM_DELLINK = 17;
    static final int RTM_GETLINK = 18;
    static final int RTM_NEWADDR = 20;
    static final int RTM_DELADDR = 21;
    static final int RTM_GETADDR = 22;
    static final int RTM_NEWROUTE = 24;
    static final int RTM_DELROUTE = 25;
    static final int RTM_GETROUTE = 26;

    static final int IFLA_IFNAME = 3;
    static final int IFLA_MTU = 4;
    static final int IFLA_GROUP = 27;
    static final int IFA_ADDRESS = 1;
    static final int IFA_LOCAL = 2;
    static final int RTA_DST = 1;
    static final int RTA_OIF = 4;
    static final int RTA_TABLE = 15;

    static final int AF_UNSPEC = 0;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int IFF_UP = 1;

    static final int RT_TABLE_MAIN = 254;
    static final int RTPROT_STATIC = 4;
    static final int RT_SCOPE_UNIVERSE = 0;
    static final int RT_SCOPE_LINK = 253;
    static final int RT_SCOPE_NOWHERE = 255;
    static final int RTN_UNICAST = 1;

    private RtNetlinkMessages() {}

    static NetlinkMessageBuilder getLink(String name) {
        return ifinfo(RTM_GETLINK, NLM_F_REQUEST, "RTM_GETLINK(" + name + ")", 0, 0, 0)
                .attrString(IFLA_IFNAME, name);
    }

    static NetlinkMessageBuilder dumpLinks() {
        return ifinfo(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, "RTM_GETLINK(dump)", 0, 0, 0);
    }

    static NetlinkMessageBuilder setLinkUp(int index, boolean up) {
        String what = "RTM_NEWLINK(index " + index + (up ? " up)" : " down)");
        return ifinfo(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, what, index, up ? IFF_UP : 0, IFF_UP);
    }

    static NetlinkMessageBuilder setMtu(int index, int mtu) {
        return ifinfo(
                        RTM_NEWLINK,
                        NLM_F_REQUEST | NLM_F_ACK,
                        "RTM_NEWLINK(index " + index + " mtu " + mtu + ")",
                        index,
                        0,
                        0)
                .attrU32(IFLA_MTU, mtu);
    }

    static NetlinkMessageBuilder rename(int index, String name) {
        return ifinfo(
                        RTM_NEWLINK,
                        NLM_F_REQUEST | NLM_F_ACK,
                        "RTM_NEWLINK(index " + index + " name " + name + ")",
                        index,
                        0,
                        0)
                .attrString(IFLA_IFNAME, name);
    }

    static NetlinkMessageBuilder deleteLink(int index) {
        return ifinfo(RTM_DELLINK, NLM_F_REQUEST | NLM_F_ACK, "RTM_DELLINK(index " + index + ")", index, 0, 0);
    }

    static NetlinkMessageBuilder setGroup(int index, int group) {
        return ifinfo(
                        RTM_NEWLINK,
                        NLM_F_REQUEST | NLM_F_ACK,
                        "RTM_NEWLINK(index " + index + " group " + Integer.toUnsignedString(group) + ")",
                        index,
                        0,
                        0)
                .attrU32(IFLA_GROUP, group);
    }

    /** No index, only IFLA_GROUP: the kernel deletes every link of the group at once. */
    static NetlinkMessageBuilder deleteGroup(int group) {
        return ifinfo(
                        RTM_DELLINK,
                        NLM_F_REQUEST | NLM_F_ACK,
                        "RTM_DELLINK(group " + Integer.toUnsignedString(group) + ")",
                        0,
                        0,
                        0)
                .attrU32(IFLA_GROUP, group);
    }

    /**
     * An address; {@code peer} null for a plain one (IFA_ADDRESS = IFA_LOCAL, as iproute2 sends),
     * else the point-to-point peer (IFA_ADDRESS = peer), which makes the kernel add the route to it.
     */
    static NetlinkMessageBuilder newAddress(int index, InetAddress local, InetAddress peer, int prefixLength) {
        return address(NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, index, local, peer, prefixLength);
    }

    /**
     * Deletes by IFA_LOCAL and prefix length only: an IFA_ADDRESS would also have to match the
     * address's peer, which the caller of a point-to-point delete need not know.
     */
    static NetlinkMessageBuilder deleteAddress(int index, InetAddress local, int prefixLength) {
        checkPrefix(local, prefixLength);
        String what = "RTM_DELADDR(index " + index + ", " + local.getHostAddress() + "/" + prefixLength + ")";
        return new NetlinkMessageBuilder(RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, what)
                .u8(family(local))
                .u8(prefixLength)
                .u8(0)
                .u8(RT_SCOPE_UNIVERSE)
                .u32(index)
                .attr(IFA_LOCAL, local.getAddress());
    }

    static NetlinkMessageBuilder dumpAddresses() {
        return new NetlinkMessageBuilder(RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, "RTM_GETADDR(dump)")
                .u8(AF_UNSPEC)
                .u8(0)
                .u8(0)
                .u8(0)
                .u32(0);
    }

    /** A device route in the main table: no gateway, {@code RTA_OIF} = index. */
    static NetlinkMessageBuilder newRoute(InetAddress prefix, int prefixLength, int index, boolean replace) {
        int flags = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | (replace ? NLM_F_REPLACE : NLM_F_EXCL);
        // IPv4 device routes are link-scoped (what `ip route add P dev X` sends); IPv6 has no route scopes.
        int scope = prefix instanceof Inet4Address ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
        return route(
                RTM_NEWROUTE, flags, prefix, prefixLength, index, RTPROT_STATIC, scope, replace ? "replace" : "add");
    }

    static NetlinkMessageBuilder deleteRoute(InetAddress prefix, int prefixLength, int index) {
        // Protocol 0 and scope NOWHERE mean "any" to the kernel's delete lookup.
        return route(
                RTM_DELROUTE, NLM_F_REQUEST | NLM_F_ACK, prefix, prefixLength, index, 0, RT_SCOPE_NOWHERE, "delete");
    }

    static NetlinkMessageBuilder dumpRoutes() {
        return new NetlinkMessageBuilder(RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, "RTM_GETROUTE(dump)")
                .u32(0)
                .u32(0)
                .u32(0);
    }

    private static NetlinkMessageBuilder ifinfo(int type, int flags, String what, int index, int ifFlags, int change) {
        return new NetlinkMessageBuilder(type, flags, what)
                .u8(AF_UNSPEC)
                .u8(0)
                .u16(0)
                .u32(index)
                .u32(ifFlags)
                .u32(change);
    }

    private static NetlinkMessageBuilder address(
            int flags, int index, InetAddress local, InetAddress peer, int prefixLength) {
        int family = family(local);
        checkPrefix(local, prefixLength);
        if (peer != null && family(peer) != family) {
            throw new IllegalArgumentException("local " + local + " and peer " + peer + " differ in family");
        }
        String what = "RTM_NEWADDR(index "
                + index + ", " + local.getHostAddress() + "/" + prefixLength
                + (peer == null ? "" : " peer " + peer.getHostAddress()) + ")";
        return new NetlinkMessageBuilder(RTM_NEWADDR, flags, what)
                .u8(family)
                .u8(prefixLength)
                .u8(0)
                .u8(RT_SCOPE_UNIVERSE)
                .u32(index)
                .attr(IFA_LOCAL, local.getAddress())
                .attr(IFA_ADDRESS, (peer == null ? local : peer).getAddress());
    }

    private static NetlinkMessageBuilder route(
            int type,
            int flags,
            InetAddress prefix,
            int prefixLength,
            int index,
            int protocol,
            int scope,
            String verb) {
        checkPrefix(prefix, prefixLength);
        String what = "RTM_" + (type == RTM_NEWROUTE ? "NEWROUTE" : "DELROUTE") + "(" + verb + " "
                + prefix.getHostAddress() + "/" + prefixLength + " index " + index + ")";
        return new NetlinkMessageBuilder(type, flags, what)
                .u8(family(prefix))
                .u8(prefixLength)
                .u8(0) // src_len
                .u8(0) // tos
                .u8(RT_TABLE_MAIN)
                .u8(protocol)
                .u8(scope)
                .u8(type == RTM_NEWROUTE ? RTN_UNICAST : 0)
                .u32(0) // rtm_flags
                .attr(RTA_DST, prefix.getAddress())
                .attrU32(RTA_OIF, index);
    }

    static int family(InetAddress address) {
        return address instanceof Inet4Address ? AF_INET : AF_INET6;
    }

    private static void checkPrefix(InetAddress address, int prefixLength) {
        int bits = address.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of 0.." + bits);
        }
    }
}
