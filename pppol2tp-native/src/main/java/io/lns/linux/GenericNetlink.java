package io.lns.linux;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

/**
 * A NETLINK_GENERIC socket. Today it only resolves family names to ids (the capability probe asks
 * for {@code "l2tp"}); the kernel-path issue adds the {@code l2tp} commands on top of {@link
 * Netlink} and {@link NetlinkMessageBuilder}.
 */
final class GenericNetlink implements AutoCloseable {
    static final int GENL_ID_CTRL = 0x10;
    static final int CTRL_CMD_GETFAMILY = 3;
    static final int CTRL_ATTR_FAMILY_ID = 1;
    static final int CTRL_ATTR_FAMILY_NAME = 2;

    private final Netlink netlink;

    private GenericNetlink(Netlink netlink) {
        this.netlink = netlink;
    }

    static GenericNetlink open(Duration timeout) throws NativeException {
        return new GenericNetlink(Netlink.open(Netlink.NETLINK_GENERIC, timeout));
    }

    /** The id of family {@code name}; ENOENT when the kernel has no such family (module not loaded). */
    int familyId(String name) throws NativeException {
        List<NetlinkMessage> replies = netlink.request(getFamily(name));
        for (NetlinkMessage reply : replies) {
            ByteBuffer id = NetlinkMessage.attributes(reply.payload(), 4).get(CTRL_ATTR_FAMILY_ID);
            if (id != null) {
                return Short.toUnsignedInt(id.getShort(0));
            }
        }
        throw new NativeException("CTRL_CMD_GETFAMILY(" + name + ")", Errno.ENOENT, "no family id in the reply");
    }

    static NetlinkMessageBuilder getFamily(String name) {
        return new NetlinkMessageBuilder(GENL_ID_CTRL, NetlinkMessage.NLM_F_REQUEST, "CTRL_CMD_GETFAMILY(" + name + ")")
                .u8(CTRL_CMD_GETFAMILY)
                .u8(1) // version
                .u16(0)
                .attrString(CTRL_ATTR_FAMILY_NAME, name);
    }

    @Override
    public void close() {
        netlink.close();
    }
}
