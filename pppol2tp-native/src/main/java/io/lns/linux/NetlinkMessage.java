package io.lns.linux;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One received netlink message: the header fields and its payload (everything after the 16-byte
 * header). Parsing helpers for the attribute lists are here too. Pure, like the builder.
 */
record NetlinkMessage(int type, int flags, int seq, int portId, ByteBuffer payload) {
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;

    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_MULTI = 0x2;
    static final int NLM_F_ACK = 0x4;
    static final int NLM_F_ROOT = 0x100;
    static final int NLM_F_MATCH = 0x200;
    static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    static final int NLM_F_REPLACE = 0x100;
    static final int NLM_F_EXCL = 0x200;
    static final int NLM_F_CREATE = 0x400;
    /** On an NLMSG_ERROR: extended-ack attributes follow the echoed header. */
    static final int NLM_F_ACK_TLVS = 0x200;
    /** On an NLMSG_ERROR: the request was echoed only up to its header (NETLINK_CAP_ACK). */
    static final int NLM_F_CAPPED = 0x100;

    static final int NLMSGERR_ATTR_MSG = 1;

    /** Splits a datagram from the kernel into its messages. Truncated trailing bytes are ignored. */
    static List<NetlinkMessage> parseAll(ByteBuffer datagram) {
        ByteBuffer in = datagram.duplicate().order(ByteOrder.nativeOrder());
        List<NetlinkMessage> messages = new ArrayList<>();
        while (in.remaining() >= NetlinkMessageBuilder.HEADER_LENGTH) {
            int start = in.position();
            int length = in.getInt(start);
            if (length < NetlinkMessageBuilder.HEADER_LENGTH || length > in.remaining()) {
                break;
            }
            ByteBuffer payload = in.slice(start + NetlinkMessageBuilder.HEADER_LENGTH, length - 16)
                    .order(ByteOrder.nativeOrder());
            messages.add(new NetlinkMessage(
                    Short.toUnsignedInt(in.getShort(start + 4)),
                    Short.toUnsignedInt(in.getShort(start + 6)),
                    in.getInt(start + 8),
                    in.getInt(start + 12),
                    payload));
            in.position(Math.min(in.limit(), start + NetlinkMessageBuilder.align(length)));
        }
        return messages;
    }

    /** For NLMSG_ERROR: the positive errno, or 0 for an acknowledgement. */
    int errorCode() {
        return -payload.getInt(0);
    }

    /** For NLMSG_ERROR: the extended-ack message text, or null. */
    String extendedAckMessage() {
        if ((flags & NLM_F_ACK_TLVS) == 0) {
            return null;
        }
        // nlmsgerr: error (4) + the request's header (16), plus its payload unless the kernel capped it.
        int echoed = (flags & NLM_F_CAPPED) != 0 ? NetlinkMessageBuilder.HEADER_LENGTH : payload.getInt(4);
        int offset = 4 + NetlinkMessageBuilder.align(echoed);
        if (offset >= payload.limit()) {
            return null;
        }
        ByteBuffer message = attributes(payload, offset).get(NLMSGERR_ATTR_MSG);
        return message == null ? null : string(message);
    }

    /**
     * The attributes from {@code offset} to the end of {@code payload}, by type (the nested flag
     * masked off). A repeated type keeps its last value; use {@link #attributeList} when order matters.
     */
    static Map<Integer, ByteBuffer> attributes(ByteBuffer payload, int offset) {
        Map<Integer, ByteBuffer> map = new HashMap<>();
        for (Attribute attribute : attributeList(payload, offset)) {
            map.put(attribute.type(), attribute.value());
        }
        return map;
    }

    static List<Attribute> attributeList(ByteBuffer payload, int offset) {
        ByteBuffer in = payload.duplicate().order(ByteOrder.nativeOrder());
        List<Attribute> list = new ArrayList<>();
        int position = offset;
        while (position + 4 <= in.limit()) {
            int length = Short.toUnsignedInt(in.getShort(position));
            int type = Short.toUnsignedInt(in.getShort(position + 2)) & 0x3fff;
            if (length < 4 || position + length > in.limit()) {
                break;
            }
            list.add(new Attribute(type, in.slice(position + 4, length - 4).order(ByteOrder.nativeOrder())));
            position += NetlinkMessageBuilder.align(length);
        }
        return list;
    }

    /** A string attribute without its NUL terminator. */
    static String string(ByteBuffer value) {
        int end = 0;
        while (end < value.limit() && value.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end];
        value.get(0, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    record Attribute(int type, ByteBuffer value) {}
}
