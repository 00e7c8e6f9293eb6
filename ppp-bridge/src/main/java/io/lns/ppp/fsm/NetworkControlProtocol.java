package io.lns.ppp.fsm;

import io.lns.ppp.frame.ControlPacket;

/**
 * A network control protocol (IPCP, IPv6CP) that is nothing but the RFC 1661 automaton with its
 * options: the lifecycle calls go straight to the automaton; subclasses register their options
 * and expose what was negotiated.
 */
public abstract class NetworkControlProtocol {
    protected final OptionFsm fsm;

    protected NetworkControlProtocol(OptionFsm fsm) {
        this.fsm = fsm;
    }

    public void open(long now) {
        fsm.open(now);
    }

    /** The lower layer (LCP Opened and authentication done) is up. */
    public void up(long now) {
        fsm.up(now);
    }

    public void down(long now) {
        fsm.down(now);
    }

    public void close(long now, String reason) {
        fsm.close(now, reason);
    }

    public void receive(ControlPacket packet, long now) {
        fsm.receive(packet, now);
    }

    public void tick(long now) {
        fsm.tick(now);
    }

    public State state() {
        return fsm.state();
    }
}
