package io.lns.linux;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NETLINK_GENERIC socket (kernel/FACTS.md §2.1): resolves family names to their dynamic ids and
 * multicast groups, and carries the requests of a family client such as {@link L2tpGenl} over one
 * {@link Netlink} socket.
 */
final class GenericNetlink implements AutoCloseable {
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;
    static final int CTRL_ATTR_VERSION = 3;
    static final int CTRL_ATTR_MCAST_GROUPS = 7;
    static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    static final int CTRL_ATTR_MCAST_GRP_ID = 2;
    /** The genlmsghdr after the netlink header: cmd u8, version u8, reserved u16. */
    static final int GENL_HEADER_LENGTH = 4;

    /** A resolved family: its id (the netlink message type), version and multicast groups by name. */
    record Family(String name, int id, int version, Map<String, Integer> groups) {}

    private final Netlink netlink;

    private GenericNetlink(Netlink netlink) {
        this.netlink = netlink;
    }

    static GenericNetlink open(Duration timeout) throws NativeException {
        return new GenericNetlink(Netlink.open(Netlink.NETLINK_GENERIC, timeout));
    }

    /** The id of family {@code name}; ENOENT when the kernel has no such family (module not loaded). */
    int familyId(String name) throws NativeException {
        return family(name).id();
    }

    /** Family {@code name} with its multicast groups; ENOENT when the kernel has no such family. */
    Family family(String name) throws NativeException {
        for (NetlinkMessage reply : netlink.request(getFamily(name))) {
            Family family = parseFamily(name, reply.payload());
            if (family != null) {
                return family;
            }
        }
        throw new NativeException("CTRL_CMD_GETFAMILY(" + name + ")", Errno.ENOENT, "no family id in the reply");
    }

    Netlink netlink() {
        return netlink;
    }

    static NetlinkMessageBuilder getFamily(String name) {
        return new NetlinkMessageBuilder(GENL_ID_CTRL, NetlinkMessage.NLM_F_REQUEST, "CTRL_CMD_GETFAMILY(" + name + ")")
                .u8(CTRL_CMD_GETFAMILY)
                .u8(1) // version
                .u16(0)
                .attrString(CTRL_ATTR_FAMILY_NAME, name);
    }

    /** A CTRL_CMD_NEWFAMILY reply's payload (genl header first); null when it has no family id. */
    static Family parseFamily(String name, ByteBuffer payload) {
        Map<Integer, ByteBuffer> attributes = NetlinkMessage.attributes(payload, GENL_HEADER_LENGTH);
        ByteBuffer id = attributes.get(CTRL_ATTR_FAMILY_ID);
        if (id == null || id.limit() < 2) {
            return null;
        }
        ByteBuffer version = attributes.get(CTRL_ATTR_VERSION);
        Map<String, Integer> groups = new LinkedHashMap<>();
        ByteBuffer groupArray = attributes.get(CTRL_ATTR_MCAST_GROUPS);
        if (groupArray != null) {
            // A nested array: each element (type = its index) nests a name and an id.
            for (NetlinkMessage.Attribute element : NetlinkMessage.attributeList(groupArray, 0)) {
                Map<Integer, ByteBuffer> group = NetlinkMessage.attributes(element.value(), 0);
                ByteBuffer groupName = group.get(CTRL_ATTR_MCAST_GRP_NAME);
                ByteBuffer groupId = group.get(CTRL_ATTR_MCAST_GRP_ID);
                if (groupName != null && groupId != null && groupId.limit() >= 4) {
                    groups.put(NetlinkMessage.string(groupName), groupId.getInt(0));
                }
            }
        }
        return new Family(
                name,
                Short.toUnsignedInt(id.getShort(0)),
                version != null && version.limit() >= 4 ? version.getInt(0) : 0,
                Map.copyOf(groups));
    }

    /** Sends a request that carries NLM_F_ACK and waits for the acknowledgement. */
    void ack(NetlinkMessageBuilder request) throws NativeException {
        netlink.ack(request);
    }

    /** Sends a get or dump request and returns the replies (see {@link Netlink#request}). */
    List<NetlinkMessage> request(NetlinkMessageBuilder request) throws NativeException {
        return netlink.request(request);
    }

    @Override
    public void close() {
        netlink.close();
    }
}
