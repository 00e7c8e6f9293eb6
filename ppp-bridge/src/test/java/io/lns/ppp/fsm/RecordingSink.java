package io.lns.ppp.fsm;

import io.lns.ppp.frame.ControlPacket;
import java.util.ArrayList;
import java.util.List;

/** Records an automaton's output for assertions. */
public final class RecordingSink implements FsmSink {
    public final List<ControlPacket> sent = new ArrayList<>();
    public final List<String> events = new ArrayList<>();
    public long deadline = Long.MAX_VALUE;

    @Override
    public void send(int protocol, ControlPacket packet) {
        sent.add(packet);
    }

    @Override
    public void layerUp() {
        events.add("up");
    }

    @Override
    public void layerDown(String reason) {
        events.add("down:" + reason);
    }

    @Override
    public void layerStarted() {
        events.add("started");
    }

    @Override
    public void layerFinished(String reason) {
        events.add("finished:" + reason);
    }

    @Override
    public void timerWanted(long deadlineNanos) {
        deadline = deadlineNanos;
    }

    public ControlPacket last() {
        return sent.getLast();
    }

    public List<ControlPacket> take() {
        List<ControlPacket> out = List.copyOf(sent);
        sent.clear();
        return out;
    }
}
