package io.lns.linux;

import static io.lns.linux.NetlinkMessage.NLM_F_ACK;
import static io.lns.linux.NetlinkMessage.NLM_F_DUMP;
import static io.lns.linux.NetlinkMessage.NLM_F_REQUEST;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The generic-netlink {@code l2tp} requests lns sends and the replies and notifications it reads, as
 * pure builders and parsers (kernel/FACTS.md §2): a genlmsghdr (cmd, version 1, reserved) after the
 * netlink header, then attributes in host order. Only L2TPv2 over a managed UDP socket is built.
 */
final class L2tpGenlMessages {
    static final String FAMILY = "l2tp";
    static final String MULTICAST_GROUP = "l2tp";
    static final int GENL_VERSION = 1;

    static final int CMD_TUNNEL_CREATE = 1;
    static final int CMD_TUNNEL_DELETE = 2;
    static final int CMD_TUNNEL_MODIFY = 3;
    static final int CMD_TUNNEL_GET = 4;
    static final int CMD_SESSION_CREATE = 5;
    static final int CMD_SESSION_DELETE = 6;
    static final int CMD_SESSION_MODIFY = 7;
    static final int CMD_SESSION_GET = 8;

    static final int ATTR_PW_TYPE = 1;
    static final int ATTR_ENCAP_TYPE = 2;
    static final int ATTR_PROTO_VERSION = 7;
    static final int ATTR_CONN_ID = 9;
    static final int ATTR_PEER_CONN_ID = 10;
    static final int ATTR_SESSION_ID = 11;
    static final int ATTR_PEER_SESSION_ID = 12;
    static final int ATTR_RECV_SEQ = 18;
    static final int ATTR_SEND_SEQ = 19;
    static final int ATTR_LNS_MODE = 20;
    static final int ATTR_FD = 23;
    static final int ATTR_STATS = 30;

    static final int STATS_TX_PACKETS = 1;
    static final int STATS_TX_BYTES = 2;
    static final int STATS_TX_ERRORS = 3;
    static final int STATS_RX_PACKETS = 4;
    static final int STATS_RX_BYTES = 5;
    static final int STATS_RX_SEQ_DISCARDS = 6;
    static final int STATS_RX_OOS_PACKETS = 7;
    static final int STATS_RX_ERRORS = 8;
    static final int STATS_PAD = 9;

    static final int PW_TYPE_PPP = 7;
    static final int ENCAP_UDP = 0;
    static final int L2TP_VERSION_2 = 2;

    private static final String[] COMMAND_NAMES = {
        "NOOP",
        "TUNNEL_CREATE",
        "TUNNEL_DELETE",
        "TUNNEL_MODIFY",
        "TUNNEL_GET",
        "SESSION_CREATE",
        "SESSION_DELETE",
        "SESSION_MODIFY",
        "SESSION_GET"
    };

    private L2tpGenlMessages() {}

    /** "SESSION_CREATE" for 5; "command 42" for a number this table does not know. */
    static String commandName(int command) {
        return command >= 0 && command < COMMAND_NAMES.length ? COMMAND_NAMES[command] : "command " + command;
    }

    static NetlinkMessageBuilder createTunnel(int family, int tunnelId, int peerTunnelId, int udpSocketFd) {
        checkId("tunnel id", tunnelId);
        checkId("peer tunnel id", peerTunnelId);
        if (udpSocketFd < 0) {
            throw new IllegalArgumentException("UDP socket fd must be >= 0, not " + udpSocketFd);
        }
        return command(
                        family,
                        NLM_F_REQUEST | NLM_F_ACK,
                        CMD_TUNNEL_CREATE,
                        "tunnel " + tunnelId + ", peer " + peerTunnelId + ", fd " + udpSocketFd)
                .attrU32(ATTR_CONN_ID, tunnelId)
                .attrU32(ATTR_PEER_CONN_ID, peerTunnelId)
                .attrU8(ATTR_PROTO_VERSION, L2TP_VERSION_2)
                .attrU16(ATTR_ENCAP_TYPE, ENCAP_UDP)
                .attrU32(ATTR_FD, udpSocketFd);
    }

    static NetlinkMessageBuilder deleteTunnel(int family, int tunnelId) {
        checkId("tunnel id", tunnelId);
        return command(family, NLM_F_REQUEST | NLM_F_ACK, CMD_TUNNEL_DELETE, "tunnel " + tunnelId)
                .attrU32(ATTR_CONN_ID, tunnelId);
    }

    /** A PPP pseudowire in LNS mode; sequencing sets SEND_SEQ and RECV_SEQ (both sent either way). */
    static NetlinkMessageBuilder createSession(
            int family, int tunnelId, int sessionId, int peerSessionId, boolean sequencing) {
        checkId("tunnel id", tunnelId);
        checkId("session id", sessionId);
        checkId("peer session id", peerSessionId);
        return command(
                        family,
                        NLM_F_REQUEST | NLM_F_ACK,
                        CMD_SESSION_CREATE,
                        "tunnel " + tunnelId + ", session " + sessionId)
                .attrU32(ATTR_CONN_ID, tunnelId)
                .attrU32(ATTR_SESSION_ID, sessionId)
                .attrU32(ATTR_PEER_SESSION_ID, peerSessionId)
                .attrU16(ATTR_PW_TYPE, PW_TYPE_PPP)
                .attrU8(ATTR_LNS_MODE, 1)
                .attrU8(ATTR_SEND_SEQ, sequencing ? 1 : 0)
                .attrU8(ATTR_RECV_SEQ, sequencing ? 1 : 0);
    }

    static NetlinkMessageBuilder modifySequencing(int family, int tunnelId, int sessionId, boolean sequencing) {
        checkId("tunnel id", tunnelId);
        checkId("session id", sessionId);
        return command(
                        family,
                        NLM_F_REQUEST | NLM_F_ACK,
                        CMD_SESSION_MODIFY,
                        "tunnel " + tunnelId + ", session " + sessionId + ", sequencing " + sequencing)
                .attrU32(ATTR_CONN_ID, tunnelId)
                .attrU32(ATTR_SESSION_ID, sessionId)
                .attrU8(ATTR_SEND_SEQ, sequencing ? 1 : 0)
                .attrU8(ATTR_RECV_SEQ, sequencing ? 1 : 0);
    }

    static NetlinkMessageBuilder deleteSession(int family, int tunnelId, int sessionId) {
        checkId("tunnel id", tunnelId);
        checkId("session id", sessionId);
        return command(
                        family,
                        NLM_F_REQUEST | NLM_F_ACK,
                        CMD_SESSION_DELETE,
                        "tunnel " + tunnelId + ", session " + sessionId)
                .attrU32(ATTR_CONN_ID, tunnelId)
                .attrU32(ATTR_SESSION_ID, sessionId);
    }

    static NetlinkMessageBuilder getSession(int family, int tunnelId, int sessionId) {
        checkId("tunnel id", tunnelId);
        checkId("session id", sessionId);
        return command(family, NLM_F_REQUEST, CMD_SESSION_GET, "tunnel " + tunnelId + ", session " + sessionId)
                .attrU32(ATTR_CONN_ID, tunnelId)
                .attrU32(ATTR_SESSION_ID, sessionId);
    }

    static NetlinkMessageBuilder dumpSessions(int family) {
        return command(family, NLM_F_REQUEST | NLM_F_DUMP, CMD_SESSION_GET, "dump");
    }

    static NetlinkMessageBuilder getTunnel(int family, int tunnelId) {
        checkId("tunnel id", tunnelId);
        return command(family, NLM_F_REQUEST, CMD_TUNNEL_GET, "tunnel " + tunnelId)
                .attrU32(ATTR_CONN_ID, tunnelId);
    }

    static NetlinkMessageBuilder dumpTunnels(int family) {
        return command(family, NLM_F_REQUEST | NLM_F_DUMP, CMD_TUNNEL_GET, "dump");
    }

    private static NetlinkMessageBuilder command(int family, int flags, int command, String what) {
        return new NetlinkMessageBuilder(family, flags, "L2TP_CMD_" + commandName(command) + "(" + what + ")")
                .u8(command)
                .u8(GENL_VERSION)
                .u16(0);
    }

    /** The genl command of a message from family {@code l2tp} (its payload's first byte). */
    static int command(ByteBuffer payload) {
        return payload.limit() < 1 ? -1 : Byte.toUnsignedInt(payload.get(0));
    }

    /** A SESSION_GET reply or session notification; null when it lacks the tunnel or session id. */
    static L2tpSessionInfo parseSession(ByteBuffer payload) {
        Map<Integer, ByteBuffer> attributes = attributes(payload);
        if (!attributes.containsKey(ATTR_CONN_ID) || !attributes.containsKey(ATTR_SESSION_ID)) {
            return null;
        }
        return new L2tpSessionInfo(
                u32(attributes.get(ATTR_CONN_ID)),
                u32(attributes.get(ATTR_SESSION_ID)),
                u32(attributes.get(ATTR_PEER_CONN_ID)),
                u32(attributes.get(ATTR_PEER_SESSION_ID)),
                flag(attributes.get(ATTR_SEND_SEQ)),
                flag(attributes.get(ATTR_RECV_SEQ)),
                flag(attributes.get(ATTR_LNS_MODE)),
                parseStats(attributes.get(ATTR_STATS)));
    }

    /** A TUNNEL_GET reply or tunnel notification; null when it lacks the tunnel id. */
    static L2tpTunnelInfo parseTunnel(ByteBuffer payload) {
        Map<Integer, ByteBuffer> attributes = attributes(payload);
        if (!attributes.containsKey(ATTR_CONN_ID)) {
            return null;
        }
        return new L2tpTunnelInfo(
                u32(attributes.get(ATTR_CONN_ID)),
                u32(attributes.get(ATTR_PEER_CONN_ID)),
                parseStats(attributes.get(ATTR_STATS)));
    }

    /**
     * The nested STATS attribute's value: u64 members by number, STATS_PAD (and members this record
     * does not carry, such as RX_COOKIE_DISCARDS) skipped. Null or empty gives {@link L2tpStats#ZERO}.
     */
    static L2tpStats parseStats(ByteBuffer stats) {
        if (stats == null) {
            return L2tpStats.ZERO;
        }
        long[] values = new long[STATS_RX_ERRORS + 1];
        for (NetlinkMessage.Attribute member : NetlinkMessage.attributeList(stats, 0)) {
            if (member.type() >= STATS_TX_PACKETS && member.type() <= STATS_RX_ERRORS) {
                values[member.type()] = u64(member.value());
            }
        }
        return new L2tpStats(
                values[STATS_TX_PACKETS],
                values[STATS_TX_BYTES],
                values[STATS_TX_ERRORS],
                values[STATS_RX_PACKETS],
                values[STATS_RX_BYTES],
                values[STATS_RX_SEQ_DISCARDS],
                values[STATS_RX_OOS_PACKETS],
                values[STATS_RX_ERRORS]);
    }

    /**
     * A notification from the {@code l2tp} group as an event: tunnel events carry session id 0. Null
     * for commands that are not notifications or a message without a tunnel id.
     */
    static L2tpEvents.Event parseEvent(ByteBuffer payload) {
        int command = command(payload);
        boolean tunnelEvent =
                command == CMD_TUNNEL_CREATE || command == CMD_TUNNEL_DELETE || command == CMD_TUNNEL_MODIFY;
        boolean sessionEvent =
                command == CMD_SESSION_CREATE || command == CMD_SESSION_DELETE || command == CMD_SESSION_MODIFY;
        if (!tunnelEvent && !sessionEvent) {
            return null;
        }
        Map<Integer, ByteBuffer> attributes = attributes(payload);
        ByteBuffer tunnel = attributes.get(ATTR_CONN_ID);
        if (tunnel == null) {
            return null;
        }
        ByteBuffer session = attributes.get(ATTR_SESSION_ID);
        return new L2tpEvents.Event(command, u32(tunnel), sessionEvent && session != null ? u32(session) : 0);
    }

    /** L2TPv2 tunnel and session ids are 16-bit and never 0 once assigned (RFC 2661 §4.4.3). */
    static void checkId(String what, int id) {
        if (id < 1 || id > 0xffff) {
            throw new IllegalArgumentException(what + " must be 1..65535, not " + id);
        }
    }

    private static Map<Integer, ByteBuffer> attributes(ByteBuffer payload) {
        return NetlinkMessage.attributes(payload, GenericNetlink.GENL_HEADER_LENGTH);
    }

    private static int u32(ByteBuffer value) {
        if (value == null) {
            return 0;
        }
        return value.limit() >= 4 ? value.getInt(0) : value.limit() >= 2 ? Short.toUnsignedInt(value.getShort(0)) : 0;
    }

    private static boolean flag(ByteBuffer value) {
        return value != null && value.limit() >= 1 && value.get(0) != 0;
    }

    private static long u64(ByteBuffer value) {
        if (value.limit() >= 8) {
            return value.getLong(0);
        }
        return value.limit() >= 4 ? Integer.toUnsignedLong(value.getInt(0)) : 0;
    }
}
