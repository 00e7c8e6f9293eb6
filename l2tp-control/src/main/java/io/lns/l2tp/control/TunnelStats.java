package io.lns.l2tp.control;

import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;

/** Per-tunnel counters (openl2tpd(8) lists the same at system level). */
public final class TunnelStats {
    private final long[] received = new long[32];
    private final long[] sent = new long[32];
    long illegal;
    long authFailures;
    long sessionSetupFailures;
    long hellosSent;
    long zlbs;

    long vendorAvps;

    void countReceived(ControlMessage m) {
        m.messageTypeAvp().ifPresent(t -> received[Math.min(t.code(), 31)]++);
        for (var avp : m.avps()) {
            if (avp.vendorId() != 0) vendorAvps++;
        }
    }

    /** Vendor-specific AVPs received (openl2tpd counts them). */
    public long vendorAvps() {
        return vendorAvps;
    }

    void countSent(ControlMessage m) {
        if (m.isZlb()) zlbs++;
        m.messageTypeAvp().ifPresent(t -> sent[Math.min(t.code(), 31)]++);
    }

    public long received(ControlMessageType type) {
        return received[type.code()];
    }

    public long sent(ControlMessageType type) {
        return sent[type.code()];
    }

    public long illegal() {
        return illegal;
    }

    public long authFailures() {
        return authFailures;
    }

    public long sessionSetupFailures() {
        return sessionSetupFailures;
    }

    public long hellosSent() {
        return hellosSent;
    }

    public long zlbsSent() {
        return zlbs;
    }
}
