package io.lns.l2tp.message;

import io.lns.l2tp.header.L2tpHeader;

/** A decoded L2TPv2 datagram: a control message (ZLB included) or a data message. */
public sealed interface L2tpPacket permits ControlMessage, DataMessage {
    L2tpHeader header();
}
