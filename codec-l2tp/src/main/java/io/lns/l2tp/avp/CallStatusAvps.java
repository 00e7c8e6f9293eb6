package io.lns.l2tp.avp;

/** Call status AVPs (RFC 2661 §4.4.6), carried by WEN and SLI. */
public final class CallStatusAvps {
    private CallStatusAvps() {}

    /** Call Errors (type 34): error counters the LAC saw on the PPP link since the call started. */
    public record CallErrors(
            int reserved,
            long crcErrors,
            long framingErrors,
            long hardwareOverruns,
            long bufferOverruns,
            long timeoutErrors,
            long alignmentErrors)
            implements AvpValue {
        public CallErrors {
            AvpChecks.u16("Reserved", reserved);
            AvpChecks.u32("CRC Errors", crcErrors);
            AvpChecks.u32("Framing Errors", framingErrors);
            AvpChecks.u32("Hardware Overruns", hardwareOverruns);
            AvpChecks.u32("Buffer Overruns", bufferOverruns);
            AvpChecks.u32("Time-out Errors", timeoutErrors);
            AvpChecks.u32("Alignment Errors", alignmentErrors);
        }
    }

    /** ACCM (type 35): the async control character maps the PPP peers agreed on. */
    public record Accm(int reserved, long sendAccm, long receiveAccm) implements AvpValue {
        public Accm {
            AvpChecks.u16("Reserved", reserved);
            AvpChecks.u32("Send ACCM", sendAccm);
            AvpChecks.u32("Receive ACCM", receiveAccm);
        }
    }
}
