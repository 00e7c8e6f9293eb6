package io.lns.ppp.fsm;

/** The ten states of the RFC 1661 §4.2 option-negotiation automaton. */
public enum State {
    INITIAL,
    STARTING,
    CLOSED,
    STOPPED,
    CLOSING,
    STOPPING,
    REQ_SENT,
    ACK_RCVD,
    ACK_SENT,
    OPENED
}
