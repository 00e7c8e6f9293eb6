package io.lns.l2tp.avp;

/**
 * Access line AVPs (RFC 5515): what the BRAS knows about the subscriber's DSL line, sent in ICRQ
 * under the Broadband Forum's vendor id 3561, plus the IETF Connect Speed Update AVPs (vendor 0).
 * Rates are unsigned 64-bit bits per second; delays are milliseconds.
 */
public final class AccessLineAvps {
    private AccessLineAvps() {}

    /** The Broadband Forum (formerly DSL Forum / ADSL Forum) SMI enterprise number. */
    public static final int VENDOR_BROADBAND_FORUM = 3561;

    /** Agent-Circuit-Id (3561/1): the access node's identifier of the subscriber line; not empty. */
    public record AgentCircuitId(String id) implements AvpValue {
        public AgentCircuitId {
            AvpChecks.notEmpty("Agent-Circuit-Id", id);
        }
    }

    /** Agent-Remote-Id (3561/2): the subscriber's identity as the access node knows it; not empty. */
    public record AgentRemoteId(String id) implements AvpValue {
        public AgentRemoteId {
            AvpChecks.notEmpty("Agent-Remote-Id", id);
        }
    }

    /** Actual-Data-Rate-Upstream (3561/129). */
    public record ActualDataRateUpstream(long bps) implements AvpValue {}

    /** Actual-Data-Rate-Downstream (3561/130). */
    public record ActualDataRateDownstream(long bps) implements AvpValue {}

    /** Minimum-Data-Rate-Upstream (3561/131). */
    public record MinimumDataRateUpstream(long bps) implements AvpValue {}

    /** Minimum-Data-Rate-Downstream (3561/132). */
    public record MinimumDataRateDownstream(long bps) implements AvpValue {}

    /** Attainable-Data-Rate-Upstream (3561/133). */
    public record AttainableDataRateUpstream(long bps) implements AvpValue {}

    /** Attainable-Data-Rate-Downstream (3561/134). */
    public record AttainableDataRateDownstream(long bps) implements AvpValue {}

    /** Maximum-Data-Rate-Upstream (3561/135). */
    public record MaximumDataRateUpstream(long bps) implements AvpValue {}

    /** Maximum-Data-Rate-Downstream (3561/136). */
    public record MaximumDataRateDownstream(long bps) implements AvpValue {}

    /** Minimum-Data-Rate-Upstream-Low-Power (3561/137). */
    public record MinimumDataRateUpstreamLowPower(long bps) implements AvpValue {}

    /** Minimum-Data-Rate-Downstream-Low-Power (3561/138). */
    public record MinimumDataRateDownstreamLowPower(long bps) implements AvpValue {}

    /** Maximum-Interleaving-Delay-Upstream (3561/139), milliseconds. */
    public record MaximumInterleavingDelayUpstream(long millis) implements AvpValue {
        public MaximumInterleavingDelayUpstream {
            AvpChecks.u32("Maximum-Interleaving-Delay-Upstream", millis);
        }
    }

    /** Actual-Interleaving-Delay-Upstream (3561/140), milliseconds. */
    public record ActualInterleavingDelayUpstream(long millis) implements AvpValue {
        public ActualInterleavingDelayUpstream {
            AvpChecks.u32("Actual-Interleaving-Delay-Upstream", millis);
        }
    }

    /** Maximum-Interleaving-Delay-Downstream (3561/141), milliseconds. */
    public record MaximumInterleavingDelayDownstream(long millis) implements AvpValue {
        public MaximumInterleavingDelayDownstream {
            AvpChecks.u32("Maximum-Interleaving-Delay-Downstream", millis);
        }
    }

    /** Actual-Interleaving-Delay-Downstream (3561/142), milliseconds. */
    public record ActualInterleavingDelayDownstream(long millis) implements AvpValue {
        public ActualInterleavingDelayDownstream {
            AvpChecks.u32("Actual-Interleaving-Delay-Downstream", millis);
        }
    }

    /**
     * Access-Loop-Encapsulation (3561/144): data link (0 ATM AAL5, 1 Ethernet), encapsulation 1
     * (0 n/a, 1 untagged, 2 single-tagged Ethernet), encapsulation 2 (0 n/a, 1 PPPoA LLC, 2 PPPoA
     * Null, 3 IPoA LLC, 4 IPoA Null, 5..8 EoA variants).
     */
    public record AccessLoopEncapsulation(int dataLink, int encapsulation1, int encapsulation2) implements AvpValue {
        public AccessLoopEncapsulation {
            AvpChecks.u8("Data Link", dataLink);
            AvpChecks.u8("Encapsulation 1", encapsulation1);
            AvpChecks.u8("Encapsulation 2", encapsulation2);
        }
    }

    /**
     * ANCP Access Line Type (3561/145): 1 ADSL1, 2 ADSL2, 3 ADSL2+, 4 VDSL1, 5 VDSL2, 6 SDSL, 7
     * unknown; followed by three reserved octets kept as received.
     */
    public record AncpAccessLineType(int type, int reserved) implements AvpValue {
        public AncpAccessLineType {
            AvpChecks.u8("ANCP Access Line Type", type);
            if (reserved < 0 || reserved > 0xFF_FFFF) throw new IllegalArgumentException("Reserved out of 24 bits");
        }
    }

    /** IWF-Session (3561/254): 1 when the access node performed PPPoA/PPPoE interworking. */
    public record IwfSession(long value) implements AvpValue {
        public IwfSession {
            AvpChecks.u32("IWF-Session", value);
        }
    }

    /**
     * Connect Speed Update (0/97) in CSUN/CSURQ, L2TPv2 layout: the peer's session id and the
     * current Tx/Rx speeds (both 0 in a CSURQ).
     */
    public record ConnectSpeedUpdate(int reserved, int remoteSessionId, long txBps, long rxBps) implements AvpValue {
        public ConnectSpeedUpdate {
            AvpChecks.u16("Reserved", reserved);
            AvpChecks.u16("Remote Session ID", remoteSessionId);
            AvpChecks.u32("Current Tx Connect Speed", txBps);
            AvpChecks.u32("Current Rx Connect Speed", rxBps);
        }
    }

    /** Connect Speed Update Enable (0/98) in ICRQ: the LAC will send CSUN for this session. */
    public record ConnectSpeedUpdateEnable() implements AvpValue {}
}
