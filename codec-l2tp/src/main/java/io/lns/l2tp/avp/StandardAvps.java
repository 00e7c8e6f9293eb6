package io.lns.l2tp.avp;

import static io.lns.l2tp.avp.AvpCodecs.empty;
import static io.lns.l2tp.avp.AvpCodecs.fixed;
import static io.lns.l2tp.avp.AvpCodecs.octets;
import static io.lns.l2tp.avp.AvpCodecs.readText;
import static io.lns.l2tp.avp.AvpCodecs.sized;
import static io.lns.l2tp.avp.AvpCodecs.text;
import static io.lns.l2tp.avp.AvpCodecs.uint16;
import static io.lns.l2tp.avp.AvpCodecs.uint32;
import static io.lns.l2tp.avp.AvpCodecs.uint64;
import static io.lns.l2tp.avp.AvpCodecs.writeText;

import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.BearerType;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.CallManagementAvps.CalledNumber;
import io.lns.l2tp.avp.CallManagementAvps.CallingNumber;
import io.lns.l2tp.avp.CallManagementAvps.FramingType;
import io.lns.l2tp.avp.CallManagementAvps.MaximumBps;
import io.lns.l2tp.avp.CallManagementAvps.MinimumBps;
import io.lns.l2tp.avp.CallManagementAvps.PhysicalChannelId;
import io.lns.l2tp.avp.CallManagementAvps.PrivateGroupId;
import io.lns.l2tp.avp.CallManagementAvps.Q931CauseCode;
import io.lns.l2tp.avp.CallManagementAvps.RxConnectSpeed;
import io.lns.l2tp.avp.CallManagementAvps.SequencingRequired;
import io.lns.l2tp.avp.CallManagementAvps.SubAddress;
import io.lns.l2tp.avp.CallManagementAvps.TxConnectSpeed;
import io.lns.l2tp.avp.CallStatusAvps.Accm;
import io.lns.l2tp.avp.CallStatusAvps.CallErrors;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.BearerCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.Challenge;
import io.lns.l2tp.avp.ControlConnectionAvps.ChallengeResponse;
import io.lns.l2tp.avp.ControlConnectionAvps.FirmwareRevision;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.ControlConnectionAvps.ReceiveWindowSize;
import io.lns.l2tp.avp.ControlConnectionAvps.TieBreaker;
import io.lns.l2tp.avp.ControlConnectionAvps.VendorName;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;

/** Registers the AVPs of RFC 2661 §4.4 with the M bit the RFC gives each, and the extensions. */
final class StandardAvps {
    private StandardAvps() {}

    /** Largest value an AVP can carry: the 10-bit length minus the 6-octet header. */
    static final int MAX_VALUE = 1023 - 6;

    static AvpDictionary.Builder registerAll(AvpDictionary.Builder b) {
        rfc2661(b);
        ExtensionAvps.rfc3145(b);
        ExtensionAvps.rfc5515(b);
        ExtensionAvps.otherNames(b);
        return b;
    }

    /** RFC 2661 §4.4. */
    static void rfc2661(AvpDictionary.Builder b) {
        b.add(
                0,
                0,
                "Message Type",
                MessageType.class,
                true,
                uint16("Message Type", MessageType::new, MessageType::code));
        b.add(
                0,
                1,
                "Result Code",
                ResultCode.class,
                true,
                sized("Result Code", 2, MAX_VALUE, StandardAvps::readResult, StandardAvps::writeResult));
        b.add(
                0,
                2,
                "Protocol Version",
                ProtocolVersion.class,
                true,
                fixed(
                        "Protocol Version",
                        2,
                        (buf, i, l) -> new ProtocolVersion(buf.getUnsignedByte(i), buf.getUnsignedByte(i + 1)),
                        (v, out) -> out.writeByte(v.version()).writeByte(v.revision())));
        b.add(
                0,
                3,
                "Framing Capabilities",
                FramingCapabilities.class,
                true,
                uint32("Framing Capabilities", FramingCapabilities::new, FramingCapabilities::bits));
        b.add(
                0,
                4,
                "Bearer Capabilities",
                BearerCapabilities.class,
                true,
                uint32("Bearer Capabilities", BearerCapabilities::new, BearerCapabilities::bits));
        b.add(0, 5, "Tie Breaker", TieBreaker.class, false, uint64("Tie Breaker", TieBreaker::new, TieBreaker::value));
        b.add(
                0,
                6,
                "Firmware Revision",
                FirmwareRevision.class,
                false,
                uint16("Firmware Revision", FirmwareRevision::new, FirmwareRevision::revision));
        b.add(0, 7, "Host Name", HostName.class, true, text("Host Name", 1, HostName::new, HostName::name));
        b.add(0, 8, "Vendor Name", VendorName.class, false, text("Vendor Name", 0, VendorName::new, VendorName::name));
        b.add(
                0,
                9,
                "Assigned Tunnel ID",
                AssignedTunnelId.class,
                true,
                uint16("Assigned Tunnel ID", AssignedTunnelId::new, AssignedTunnelId::id));
        b.add(
                0,
                10,
                "Receive Window Size",
                ReceiveWindowSize.class,
                true,
                uint16("Receive Window Size", ReceiveWindowSize::new, ReceiveWindowSize::size));
        b.add(
                0,
                11,
                "Challenge",
                Challenge.class,
                true,
                octets("Challenge", 1, MAX_VALUE, Challenge::new, Challenge::value));
        b.add(
                0,
                12,
                "Q.931 Cause Code",
                Q931CauseCode.class,
                true,
                sized("Q.931 Cause Code", 3, MAX_VALUE, StandardAvps::readQ931, StandardAvps::writeQ931));
        b.add(
                0,
                13,
                "Challenge Response",
                ChallengeResponse.class,
                true,
                octets("Challenge Response", 16, 16, ChallengeResponse::new, ChallengeResponse::value));
        b.add(
                0,
                14,
                "Assigned Session ID",
                AssignedSessionId.class,
                true,
                uint16("Assigned Session ID", AssignedSessionId::new, AssignedSessionId::id));
        b.add(
                0,
                15,
                "Call Serial Number",
                CallSerialNumber.class,
                true,
                uint32("Call Serial Number", CallSerialNumber::new, CallSerialNumber::serial));
        b.add(0, 16, "Minimum BPS", MinimumBps.class, true, uint32("Minimum BPS", MinimumBps::new, MinimumBps::bps));
        b.add(0, 17, "Maximum BPS", MaximumBps.class, true, uint32("Maximum BPS", MaximumBps::new, MaximumBps::bps));
        b.add(0, 18, "Bearer Type", BearerType.class, true, uint32("Bearer Type", BearerType::new, BearerType::bits));
        b.add(
                0,
                19,
                "Framing Type",
                FramingType.class,
                true,
                uint32("Framing Type", FramingType::new, FramingType::bits));
        b.add(
                0,
                21,
                "Called Number",
                CalledNumber.class,
                true,
                text("Called Number", 0, CalledNumber::new, CalledNumber::number));
        b.add(
                0,
                22,
                "Calling Number",
                CallingNumber.class,
                true,
                text("Calling Number", 0, CallingNumber::new, CallingNumber::number));
        b.add(
                0,
                23,
                "Sub-Address",
                SubAddress.class,
                true,
                text("Sub-Address", 0, SubAddress::new, SubAddress::address));
        b.add(
                0,
                24,
                "Tx Connect Speed",
                TxConnectSpeed.class,
                true,
                uint32("Tx Connect Speed", TxConnectSpeed::new, TxConnectSpeed::bps));
        b.add(
                0,
                25,
                "Physical Channel ID",
                PhysicalChannelId.class,
                false,
                uint32("Physical Channel ID", PhysicalChannelId::new, PhysicalChannelId::id));
        b.add(
                0,
                26,
                "Initial Received LCP CONFREQ",
                InitialReceivedLcpConfReq.class,
                false,
                octets(
                        "Initial Received LCP CONFREQ",
                        0,
                        MAX_VALUE,
                        InitialReceivedLcpConfReq::new,
                        InitialReceivedLcpConfReq::options));
        b.add(
                0,
                27,
                "Last Sent LCP CONFREQ",
                LastSentLcpConfReq.class,
                false,
                octets("Last Sent LCP CONFREQ", 0, MAX_VALUE, LastSentLcpConfReq::new, LastSentLcpConfReq::options));
        b.add(
                0,
                28,
                "Last Received LCP CONFREQ",
                LastReceivedLcpConfReq.class,
                false,
                octets(
                        "Last Received LCP CONFREQ",
                        0,
                        MAX_VALUE,
                        LastReceivedLcpConfReq::new,
                        LastReceivedLcpConfReq::options));
        b.add(
                0,
                29,
                "Proxy Authen Type",
                ProxyAuthenType.class,
                false,
                uint16("Proxy Authen Type", ProxyAuthenType::new, ProxyAuthenType::type));
        b.add(
                0,
                30,
                "Proxy Authen Name",
                ProxyAuthenName.class,
                false,
                text("Proxy Authen Name", 0, ProxyAuthenName::new, ProxyAuthenName::name));
        b.add(
                0,
                31,
                "Proxy Authen Challenge",
                ProxyAuthenChallenge.class,
                false,
                octets(
                        "Proxy Authen Challenge",
                        0,
                        MAX_VALUE,
                        ProxyAuthenChallenge::new,
                        ProxyAuthenChallenge::challenge));
        b.add(
                0,
                32,
                "Proxy Authen ID",
                ProxyAuthenId.class,
                false,
                uint16("Proxy Authen ID", ProxyAuthenId::new, ProxyAuthenId::value));
        b.add(
                0,
                33,
                "Proxy Authen Response",
                ProxyAuthenResponse.class,
                false,
                octets("Proxy Authen Response", 0, MAX_VALUE, ProxyAuthenResponse::new, ProxyAuthenResponse::response));
        b.add(
                0,
                34,
                "Call Errors",
                CallErrors.class,
                true,
                fixed(
                        "Call Errors",
                        26,
                        (buf, i, l) -> new CallErrors(
                                buf.getUnsignedShort(i),
                                buf.getUnsignedInt(i + 2),
                                buf.getUnsignedInt(i + 6),
                                buf.getUnsignedInt(i + 10),
                                buf.getUnsignedInt(i + 14),
                                buf.getUnsignedInt(i + 18),
                                buf.getUnsignedInt(i + 22)),
                        (v, out) -> out.writeShort(v.reserved())
                                .writeInt((int) v.crcErrors())
                                .writeInt((int) v.framingErrors())
                                .writeInt((int) v.hardwareOverruns())
                                .writeInt((int) v.bufferOverruns())
                                .writeInt((int) v.timeoutErrors())
                                .writeInt((int) v.alignmentErrors())));
        b.add(
                0,
                35,
                "ACCM",
                Accm.class,
                true,
                fixed(
                        "ACCM",
                        10,
                        (buf, i, l) ->
                                new Accm(buf.getUnsignedShort(i), buf.getUnsignedInt(i + 2), buf.getUnsignedInt(i + 6)),
                        (v, out) -> out.writeShort(v.reserved())
                                .writeInt((int) v.sendAccm())
                                .writeInt((int) v.receiveAccm())));
        b.add(
                0,
                36,
                "Random Vector",
                RandomVector.class,
                true,
                octets("Random Vector", 1, MAX_VALUE, RandomVector::new, RandomVector::value));
        b.add(
                0,
                37,
                "Private Group ID",
                PrivateGroupId.class,
                false,
                octets("Private Group ID", 0, MAX_VALUE, PrivateGroupId::new, PrivateGroupId::value));
        b.add(
                0,
                38,
                "Rx Connect Speed",
                RxConnectSpeed.class,
                false,
                uint32("Rx Connect Speed", RxConnectSpeed::new, RxConnectSpeed::bps));
        b.add(
                0,
                39,
                "Sequencing Required",
                SequencingRequired.class,
                true,
                empty("Sequencing Required", SequencingRequired::new));
    }

    /** RFC 3145: PPP Disconnect Cause Code, which §2 says must not be mandatory. */
    private static ResultCode readResult(io.netty.buffer.ByteBuf buf, int i, int l) throws AvpValueException {
        if (l == 3) throw new AvpValueException("Result Code value of 3 octets: an Error Code needs 2");
        int result = buf.getUnsignedShort(i);
        int error = l >= 4 ? buf.getUnsignedShort(i + 2) : ResultCode.NO_ERROR_CODE;
        String message = l > 4 ? readText(buf, i + 4, l - 4) : "";
        return new ResultCode(result, error, message);
    }

    private static void writeResult(ResultCode v, io.netty.buffer.ByteBuf out) {
        out.writeShort(v.result());
        if (v.hasError()) {
            out.writeShort(v.error());
            writeText(v.message(), out);
        }
    }

    private static Q931CauseCode readQ931(io.netty.buffer.ByteBuf buf, int i, int l) {
        return new Q931CauseCode(buf.getUnsignedShort(i), buf.getUnsignedByte(i + 2), readText(buf, i + 3, l - 3));
    }

    private static void writeQ931(Q931CauseCode v, io.netty.buffer.ByteBuf out) {
        out.writeShort(v.cause()).writeByte(v.message());
        writeText(v.advisory(), out);
    }
}
