package io.lns.l2tp.avp;

import static io.lns.l2tp.avp.AccessLineAvps.VENDOR_BROADBAND_FORUM;
import static io.lns.l2tp.avp.AvpCodecs.empty;
import static io.lns.l2tp.avp.AvpCodecs.fixed;
import static io.lns.l2tp.avp.AvpCodecs.readText;
import static io.lns.l2tp.avp.AvpCodecs.sized;
import static io.lns.l2tp.avp.AvpCodecs.text;
import static io.lns.l2tp.avp.AvpCodecs.uint32;
import static io.lns.l2tp.avp.AvpCodecs.uint64;
import static io.lns.l2tp.avp.AvpCodecs.writeText;

import io.lns.l2tp.avp.AccessLineAvps.AccessLoopEncapsulation;
import io.lns.l2tp.avp.AccessLineAvps.ActualDataRateDownstream;
import io.lns.l2tp.avp.AccessLineAvps.ActualDataRateUpstream;
import io.lns.l2tp.avp.AccessLineAvps.ActualInterleavingDelayDownstream;
import io.lns.l2tp.avp.AccessLineAvps.ActualInterleavingDelayUpstream;
import io.lns.l2tp.avp.AccessLineAvps.AgentCircuitId;
import io.lns.l2tp.avp.AccessLineAvps.AgentRemoteId;
import io.lns.l2tp.avp.AccessLineAvps.AncpAccessLineType;
import io.lns.l2tp.avp.AccessLineAvps.AttainableDataRateDownstream;
import io.lns.l2tp.avp.AccessLineAvps.AttainableDataRateUpstream;
import io.lns.l2tp.avp.AccessLineAvps.ConnectSpeedUpdate;
import io.lns.l2tp.avp.AccessLineAvps.ConnectSpeedUpdateEnable;
import io.lns.l2tp.avp.AccessLineAvps.IwfSession;
import io.lns.l2tp.avp.AccessLineAvps.MaximumDataRateDownstream;
import io.lns.l2tp.avp.AccessLineAvps.MaximumDataRateUpstream;
import io.lns.l2tp.avp.AccessLineAvps.MaximumInterleavingDelayDownstream;
import io.lns.l2tp.avp.AccessLineAvps.MaximumInterleavingDelayUpstream;
import io.lns.l2tp.avp.AccessLineAvps.MinimumDataRateDownstream;
import io.lns.l2tp.avp.AccessLineAvps.MinimumDataRateDownstreamLowPower;
import io.lns.l2tp.avp.AccessLineAvps.MinimumDataRateUpstream;
import io.lns.l2tp.avp.AccessLineAvps.MinimumDataRateUpstreamLowPower;

/**
 * AVPs from L2TP extensions: RFC 3145 (PPP Disconnect Cause Code), RFC 5515 (access line and
 * connect speed update), and the names of other IANA-registered AVPs, shown but decoded raw.
 */
final class ExtensionAvps {
    private ExtensionAvps() {}

    private static final int MAX_VALUE = StandardAvps.MAX_VALUE;

    static void rfc3145(AvpDictionary.Builder b) {
        b.add(
                0,
                46,
                "PPP Disconnect Cause Code",
                PppDisconnectCauseCode.class,
                false,
                sized(
                        "PPP Disconnect Cause Code",
                        5,
                        MAX_VALUE,
                        (buf, i, l) -> new PppDisconnectCauseCode(
                                buf.getUnsignedShort(i),
                                buf.getUnsignedShort(i + 2),
                                buf.getUnsignedByte(i + 4),
                                readText(buf, i + 5, l - 5)),
                        (v, out) -> {
                            out.writeShort(v.code()).writeShort(v.protocol()).writeByte(v.direction());
                            writeText(v.message(), out);
                        }));
    }

    /** RFC 5515: access line AVPs (Broadband Forum vendor id) and Connect Speed Update (§6). */
    static void rfc5515(AvpDictionary.Builder b) {
        int bbf = VENDOR_BROADBAND_FORUM;
        b.add(
                bbf,
                1,
                "Agent-Circuit-Id",
                AgentCircuitId.class,
                false,
                text("Agent-Circuit-Id", 1, AgentCircuitId::new, AgentCircuitId::id));
        b.add(
                bbf,
                2,
                "Agent-Remote-Id",
                AgentRemoteId.class,
                false,
                text("Agent-Remote-Id", 1, AgentRemoteId::new, AgentRemoteId::id));
        b.add(
                bbf,
                129,
                "Actual-Data-Rate-Upstream",
                ActualDataRateUpstream.class,
                false,
                uint64("Actual-Data-Rate-Upstream", ActualDataRateUpstream::new, ActualDataRateUpstream::bps));
        b.add(
                bbf,
                130,
                "Actual-Data-Rate-Downstream",
                ActualDataRateDownstream.class,
                false,
                uint64("Actual-Data-Rate-Downstream", ActualDataRateDownstream::new, ActualDataRateDownstream::bps));
        b.add(
                bbf,
                131,
                "Minimum-Data-Rate-Upstream",
                MinimumDataRateUpstream.class,
                false,
                uint64("Minimum-Data-Rate-Upstream", MinimumDataRateUpstream::new, MinimumDataRateUpstream::bps));
        b.add(
                bbf,
                132,
                "Minimum-Data-Rate-Downstream",
                MinimumDataRateDownstream.class,
                false,
                uint64("Minimum-Data-Rate-Downstream", MinimumDataRateDownstream::new, MinimumDataRateDownstream::bps));
        b.add(
                bbf,
                133,
                "Attainable-Data-Rate-Upstream",
                AttainableDataRateUpstream.class,
                false,
                uint64(
                        "Attainable-Data-Rate-Upstream",
                        AttainableDataRateUpstream::new,
                        AttainableDataRateUpstream::bps));
        b.add(
                bbf,
                134,
                "Attainable-Data-Rate-Downstream",
                AttainableDataRateDownstream.class,
                false,
                uint64(
                        "Attainable-Data-Rate-Downstream",
                        AttainableDataRateDownstream::new,
                        AttainableDataRateDownstream::bps));
        b.add(
                bbf,
                135,
                "Maximum-Data-Rate-Upstream",
                MaximumDataRateUpstream.class,
                false,
                uint64("Maximum-Data-Rate-Upstream", MaximumDataRateUpstream::new, MaximumDataRateUpstream::bps));
        b.add(
                bbf,
                136,
                "Maximum-Data-Rate-Downstream",
                MaximumDataRateDownstream.class,
                false,
                uint64("Maximum-Data-Rate-Downstream", MaximumDataRateDownstream::new, MaximumDataRateDownstream::bps));
        b.add(
                bbf,
                137,
                "Minimum-Data-Rate-Upstream-Low-Power",
                MinimumDataRateUpstreamLowPower.class,
                false,
                uint64(
                        "Minimum-Data-Rate-Upstream-Low-Power",
                        MinimumDataRateUpstreamLowPower::new,
                        MinimumDataRateUpstreamLowPower::bps));
        b.add(
                bbf,
                138,
                "Minimum-Data-Rate-Downstream-Low-Power",
                MinimumDataRateDownstreamLowPower.class,
                false,
                uint64(
                        "Minimum-Data-Rate-Downstream-Low-Power",
                        MinimumDataRateDownstreamLowPower::new,
                        MinimumDataRateDownstreamLowPower::bps));
        b.add(
                bbf,
                139,
                "Maximum-Interleaving-Delay-Upstream",
                MaximumInterleavingDelayUpstream.class,
                false,
                uint32(
                        "Maximum-Interleaving-Delay-Upstream",
                        MaximumInterleavingDelayUpstream::new,
                        MaximumInterleavingDelayUpstream::millis));
        b.add(
                bbf,
                140,
                "Actual-Interleaving-Delay-Upstream",
                ActualInterleavingDelayUpstream.class,
                false,
                uint32(
                        "Actual-Interleaving-Delay-Upstream",
                        ActualInterleavingDelayUpstream::new,
                        ActualInterleavingDelayUpstream::millis));
        b.add(
                bbf,
                141,
                "Maximum-Interleaving-Delay-Downstream",
                MaximumInterleavingDelayDownstream.class,
                false,
                uint32(
                        "Maximum-Interleaving-Delay-Downstream",
                        MaximumInterleavingDelayDownstream::new,
                        MaximumInterleavingDelayDownstream::millis));
        b.add(
                bbf,
                142,
                "Actual-Interleaving-Delay-Downstream",
                ActualInterleavingDelayDownstream.class,
                false,
                uint32(
                        "Actual-Interleaving-Delay-Downstream",
                        ActualInterleavingDelayDownstream::new,
                        ActualInterleavingDelayDownstream::millis));
        b.add(
                bbf,
                144,
                "Access-Loop-Encapsulation",
                AccessLoopEncapsulation.class,
                false,
                fixed(
                        "Access-Loop-Encapsulation",
                        3,
                        (buf, i, l) -> new AccessLoopEncapsulation(
                                buf.getUnsignedByte(i), buf.getUnsignedByte(i + 1), buf.getUnsignedByte(i + 2)),
                        (v, out) -> out.writeByte(v.dataLink())
                                .writeByte(v.encapsulation1())
                                .writeByte(v.encapsulation2())));
        b.add(
                bbf,
                145,
                "ANCP Access Line Type",
                AncpAccessLineType.class,
                false,
                fixed(
                        "ANCP Access Line Type",
                        4,
                        (buf, i, l) -> new AncpAccessLineType(buf.getUnsignedByte(i), buf.getUnsignedMedium(i + 1)),
                        (v, out) -> out.writeByte(v.type()).writeMedium(v.reserved())));
        b.add(
                bbf,
                254,
                "IWF-Session",
                IwfSession.class,
                false,
                uint32("IWF-Session", IwfSession::new, IwfSession::value));
        b.add(
                0,
                97,
                "Connect Speed Update",
                ConnectSpeedUpdate.class,
                false,
                fixed(
                        "Connect Speed Update",
                        12,
                        (buf, i, l) -> new ConnectSpeedUpdate(
                                buf.getUnsignedShort(i),
                                buf.getUnsignedShort(i + 2),
                                buf.getUnsignedInt(i + 4),
                                buf.getUnsignedInt(i + 8)),
                        (v, out) -> out.writeShort(v.reserved())
                                .writeShort(v.remoteSessionId())
                                .writeInt((int) v.txBps())
                                .writeInt((int) v.rxBps())));
        b.add(
                0,
                98,
                "Connect Speed Update Enable",
                ConnectSpeedUpdateEnable.class,
                false,
                empty("Connect Speed Update Enable", ConnectSpeedUpdateEnable::new));
    }

    /** Names from the IANA registry for AVPs other L2TP extensions define; decoded raw. */
    static void otherNames(AvpDictionary.Builder b) {
        String[] names = {
            "Rx Minimum BPS",
            "Rx Maximum BPS",
            "Service Category",
            "Service Name",
            "Calling Sub-Address",
            "VPI/VCI Identifier",
            null,
            "CCDS",
            "SDS",
            "LCP Want Options",
            "LCP Allow Options",
            "LNS Last Sent LCP CONFREQ",
            "LNS Last Received LCP CONFREQ",
            "Modem On-Hold Capable",
            "Modem On-Hold Status",
            "PPPoE Relay",
            "PPPoE Relay Response Capability",
            "PPPoE Relay Forward Capability"
        };
        for (int i = 0; i < names.length; i++) {
            if (names[i] != null) b.name(0, 40 + i, names[i]);
        }
        b.name(0, 20, "Reserved (20)");
        b.name(0, 58, "Extended Vendor ID");
        b.name(0, 59, "Message Digest");
        b.name(0, 76, "Failover Capability");
        b.name(0, 77, "Tunnel Recovery");
        b.name(0, 78, "Suggested Control Sequence");
        b.name(0, 79, "Failover Session State");
        b.name(0, 94, "MRU");
        b.name(0, 95, "MRRU");
    }
}
