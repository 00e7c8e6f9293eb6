package io.lns.ppp.ipcp;

import io.lns.ppp.frame.ControlPacket;
import io.lns.ppp.fsm.RecordingSink;
import java.util.function.BiConsumer;

/** Shuttles packets between two in-memory automatons until both are quiet. */
public final class ControlPair {
    private ControlPair() {}

    public static void run(
            RecordingSink aOut,
            BiConsumer<ControlPacket, Long> aIn,
            RecordingSink bOut,
            BiConsumer<ControlPacket, Long> bIn) {
        for (int round = 0; round < 50; round++) {
            var toB = aOut.take();
            var toA = bOut.take();
            if (toB.isEmpty() && toA.isEmpty()) {
                return;
            }
            toB.forEach(p -> bIn.accept(p, (long) 0));
            toA.forEach(p -> aIn.accept(p, (long) 0));
        }
        throw new AssertionError("negotiation did not settle");
    }
}
