package io.lns.l2tp.property;

import io.lns.l2tp.avp.AccessLineAvps;
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
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.AvpValue;
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
import io.lns.l2tp.avp.Octets;
import io.lns.l2tp.avp.PppDisconnectCauseCode;
import io.lns.l2tp.avp.ProxyAvps.InitialReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastReceivedLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.LastSentLcpConfReq;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenChallenge;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenId;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenName;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenResponse;
import io.lns.l2tp.avp.ProxyAvps.ProxyAuthenType;
import io.lns.l2tp.avp.UnrecognizedValue;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * QuickTheories generators for L2TP values: one per typed AVP value of the standard dictionary
 * (within its record's constraints), raw AVPs of unknown types, headers and whole control messages.
 *
 * <p>Sizes are biased towards short values but reach the limits: an AVP's value is at most {@link
 * #MAX_VALUE} octets (AVP length 1023), and at most {@link #MAX_HIDDEN_VALUE} when it is to be
 * hidden (the 2-octet original length travels with it).
 */
public final class AvpGenerators {
    /** 1023-octet AVP length minus the 6-octet AVP header. */
    public static final int MAX_VALUE = 1023 - 6;
    /** A hidden value carries its 2-octet length in the same 1017 octets. */
    public static final int MAX_HIDDEN_VALUE = MAX_VALUE - 2;

    private static final AvpDictionary DICTIONARY = AvpDictionary.standard();

    /** Value generators by class; each takes the largest value size (in octets) it may produce. */
    private static final Map<Class<? extends AvpValue>, IntFunction<Gen<AvpValue>>> VALUES = new LinkedHashMap<>();

    static {
        // RFC 2661 §4.4.1, §4.4.2
        value(MessageType.class, max -> in -> new MessageType(u16(in)));
        value(ResultCode.class, max -> in -> {
            int result = u16(in);
            if (bool(in)) return ResultCode.of(result);
            return ResultCode.of(result, u16(in), text(in, 0, max - 4));
        });
        value(RandomVector.class, max -> in -> new RandomVector(octets(in, 1, max)));
        // §4.4.3
        value(ProtocolVersion.class, max -> in -> new ProtocolVersion(u8(in), u8(in)));
        value(FramingCapabilities.class, max -> in -> new FramingCapabilities(u32(in)));
        value(BearerCapabilities.class, max -> in -> new BearerCapabilities(u32(in)));
        value(TieBreaker.class, max -> in -> new TieBreaker(s64(in)));
        value(FirmwareRevision.class, max -> in -> new FirmwareRevision(u16(in)));
        value(HostName.class, max -> in -> new HostName(text(in, 1, max)));
        value(VendorName.class, max -> in -> new VendorName(text(in, 0, max)));
        value(AssignedTunnelId.class, max -> in -> new AssignedTunnelId(u16(in)));
        value(ReceiveWindowSize.class, max -> in -> new ReceiveWindowSize(u16(in)));
        value(Challenge.class, max -> in -> new Challenge(octets(in, 1, max)));
        value(ChallengeResponse.class, max -> in -> new ChallengeResponse(octets(in, 16, 16)));
        // §4.4.4
        value(Q931CauseCode.class, max -> in -> new Q931CauseCode(u16(in), u8(in), text(in, 0, max - 3)));
        value(AssignedSessionId.class, max -> in -> new AssignedSessionId(u16(in)));
        value(CallSerialNumber.class, max -> in -> new CallSerialNumber(u32(in)));
        value(MinimumBps.class, max -> in -> new MinimumBps(u32(in)));
        value(MaximumBps.class, max -> in -> new MaximumBps(u32(in)));
        value(BearerType.class, max -> in -> new BearerType(u32(in)));
        value(FramingType.class, max -> in -> new FramingType(u32(in)));
        value(CalledNumber.class, max -> in -> new CalledNumber(text(in, 0, max)));
        value(CallingNumber.class, max -> in -> new CallingNumber(text(in, 0, max)));
        value(SubAddress.class, max -> in -> new SubAddress(text(in, 0, max)));
        value(TxConnectSpeed.class, max -> in -> new TxConnectSpeed(u32(in)));
        value(PhysicalChannelId.class, max -> in -> new PhysicalChannelId(u32(in)));
        value(PrivateGroupId.class, max -> in -> new PrivateGroupId(octets(in, 0, max)));
        value(RxConnectSpeed.class, max -> in -> new RxConnectSpeed(u32(in)));
        value(SequencingRequired.class, max -> in -> new SequencingRequired());
        // §4.4.5
        value(InitialReceivedLcpConfReq.class, max -> in -> new InitialReceivedLcpConfReq(octets(in, 0, max)));
        value(LastSentLcpConfReq.class, max -> in -> new LastSentLcpConfReq(octets(in, 0, max)));
        value(LastReceivedLcpConfReq.class, max -> in -> new LastReceivedLcpConfReq(octets(in, 0, max)));
        value(ProxyAuthenType.class, max -> in -> new ProxyAuthenType(u16(in)));
        value(ProxyAuthenName.class, max -> in -> new ProxyAuthenName(text(in, 0, max)));
        value(ProxyAuthenChallenge.class, max -> in -> new ProxyAuthenChallenge(octets(in, 0, max)));
        value(ProxyAuthenId.class, max -> in -> new ProxyAuthenId(u16(in)));
        value(ProxyAuthenResponse.class, max -> in -> new ProxyAuthenResponse(octets(in, 0, max)));
        // §4.4.6
        value(
                CallErrors.class,
                max -> in -> new CallErrors(u16(in), u32(in), u32(in), u32(in), u32(in), u32(in), u32(in)));
        value(Accm.class, max -> in -> new Accm(u16(in), u32(in), u32(in)));
        // RFC 3145
        value(
                PppDisconnectCauseCode.class,
                max -> in -> new PppDisconnectCauseCode(u16(in), u16(in), u8(in), text(in, 0, max - 5)));
        // RFC 5515
        value(AgentCircuitId.class, max -> in -> new AgentCircuitId(text(in, 1, max)));
        value(AgentRemoteId.class, max -> in -> new AgentRemoteId(text(in, 1, max)));
        value(ActualDataRateUpstream.class, max -> in -> new ActualDataRateUpstream(s64(in)));
        value(ActualDataRateDownstream.class, max -> in -> new ActualDataRateDownstream(s64(in)));
        value(MinimumDataRateUpstream.class, max -> in -> new MinimumDataRateUpstream(s64(in)));
        value(MinimumDataRateDownstream.class, max -> in -> new MinimumDataRateDownstream(s64(in)));
        value(AttainableDataRateUpstream.class, max -> in -> new AttainableDataRateUpstream(s64(in)));
        value(AttainableDataRateDownstream.class, max -> in -> new AttainableDataRateDownstream(s64(in)));
        value(MaximumDataRateUpstream.class, max -> in -> new MaximumDataRateUpstream(s64(in)));
        value(MaximumDataRateDownstream.class, max -> in -> new MaximumDataRateDownstream(s64(in)));
        value(MinimumDataRateUpstreamLowPower.class, max -> in -> new MinimumDataRateUpstreamLowPower(s64(in)));
        value(MinimumDataRateDownstreamLowPower.class, max -> in -> new MinimumDataRateDownstreamLowPower(s64(in)));
        value(MaximumInterleavingDelayUpstream.class, max -> in -> new MaximumInterleavingDelayUpstream(u32(in)));
        value(ActualInterleavingDelayUpstream.class, max -> in -> new ActualInterleavingDelayUpstream(u32(in)));
        value(MaximumInterleavingDelayDownstream.class, max -> in -> new MaximumInterleavingDelayDownstream(u32(in)));
        value(ActualInterleavingDelayDownstream.class, max -> in -> new ActualInterleavingDelayDownstream(u32(in)));
        value(AccessLoopEncapsulation.class, max -> in -> new AccessLoopEncapsulation(u8(in), u8(in), u8(in)));
        value(AncpAccessLineType.class, max -> in -> new AncpAccessLineType(u8(in), (int) between(in, 0, 0xFF_FFFF)));
        value(IwfSession.class, max -> in -> new IwfSession(u32(in)));
        value(ConnectSpeedUpdate.class, max -> in -> new ConnectSpeedUpdate(u16(in), u16(in), u32(in), u32(in)));
        value(ConnectSpeedUpdateEnable.class, max -> in -> new ConnectSpeedUpdateEnable());
    }

    private AvpGenerators() {}

    private static <V extends AvpValue> void value(Class<V> type, IntFunction<Gen<AvpValue>> gen) {
        VALUES.put(type, gen);
    }

    /** Every descriptor of the standard dictionary (IETF and Broadband Forum vendor ids). */
    public static List<AvpDescriptor<?>> standardDescriptors() {
        List<AvpDescriptor<?>> out = new ArrayList<>();
        for (int vendor : new int[] {0, AccessLineAvps.VENDOR_BROADBAND_FORUM}) {
            for (int type = 0; type <= 0xFFFF; type++) {
                AvpDescriptor<?> d = DICTIONARY.find(vendor, type);
                if (d != null) out.add(d);
            }
        }
        return out;
    }

    /** The value classes that have a generator here. */
    public static java.util.Set<Class<? extends AvpValue>> generatedClasses() {
        return VALUES.keySet();
    }

    /** A typed value of {@code valueClass} of at most {@code maxValue} octets on the wire. */
    public static Gen<AvpValue> valueOf(Class<?> valueClass, int maxValue) {
        IntFunction<Gen<AvpValue>> g = VALUES.get(valueClass);
        if (g == null) throw new IllegalArgumentException("no generator for " + valueClass.getName());
        return g.apply(maxValue);
    }

    /** A typed value of any class in the standard dictionary. */
    public static Gen<AvpValue> anyTypedValue(int maxValue) {
        List<Gen<AvpValue>> gens = new ArrayList<>();
        for (IntFunction<Gen<AvpValue>> g : VALUES.values()) gens.add(g.apply(maxValue));
        return in -> gens.get((int) between(in, 0, gens.size() - 1)).generate(in);
    }

    /** A typed AVP with a random M bit, not hidden. */
    public static Gen<Avp> typedAvp(int maxValue) {
        Gen<AvpValue> values = anyTypedValue(maxValue);
        return in -> Avp.of(values.generate(in)).withMandatory(bool(in));
    }

    /**
     * A raw AVP the standard dictionary leaves untyped: an unknown (vendor, type), or any (vendor,
     * type) with a reserved flag bit set (§4.1 makes those unrecognized), sometimes with the H bit
     * (its octets are then opaque and written back as they are).
     */
    public static Gen<Avp> rawAvp() {
        return in -> {
            int reserved = between(in, 0, 7) == 0 ? (int) between(in, 1, 15) : 0;
            int vendor;
            int type;
            do {
                vendor = switch ((int) between(in, 0, 3)) {
                    case 0 -> 0;
                    case 1 -> AccessLineAvps.VENDOR_BROADBAND_FORUM;
                    default -> u16(in);
                };
                type = between(in, 0, 1) == 0 ? (int) between(in, 0, 300) : u16(in);
            } while (reserved == 0 && DICTIONARY.find(vendor, type) != null);
            boolean hidden = between(in, 0, 5) == 0;
            boolean mandatory = bool(in);
            Octets value = octets(in, 0, MAX_VALUE);
            if (reserved == 0 && !hidden) return Avp.raw(mandatory, vendor, type, value);
            return new Avp(mandatory, hidden, reserved, vendor, type, new UnrecognizedValue(value));
        };
    }

    /** An AVP of either kind: mostly typed, sometimes raw. */
    public static Gen<Avp> anyAvp() {
        Gen<Avp> typed = typedAvp(MAX_VALUE);
        Gen<Avp> raw = rawAvp();
        return in -> between(in, 0, 4) == 0 ? raw.generate(in) : typed.generate(in);
    }

    /** A control header with random ids and sequence numbers (Length left for the encoder). */
    public static Gen<L2tpHeader> controlHeader() {
        return in -> L2tpHeader.control(u16(in), u16(in), u16(in), u16(in));
    }

    /**
     * A control message: Message Type first (random code, random M bit), then 0..20 AVPs from
     * {@code avps}; sometimes a ZLB.
     */
    public static Gen<ControlMessage> controlMessage(Gen<Avp> avps) {
        Gen<L2tpHeader> headers = controlHeader();
        return in -> {
            L2tpHeader header = headers.generate(in);
            if (between(in, 0, 15) == 0) return new ControlMessage(header, List.of());
            List<Avp> list = new ArrayList<>();
            list.add(Avp.of(new MessageType(u16(in))).withMandatory(bool(in)));
            int n = (int) between(in, 0, 20);
            for (int i = 0; i < n; i++) list.add(avps.generate(in));
            return new ControlMessage(header, list);
        };
    }

    // ---- primitives ----

    static long between(RandomnessSource in, long min, long max) {
        return in.next(Constraint.between(min, max));
    }

    /** An integer in min..max, one time in four an end point or its neighbour. */
    static long edgy(RandomnessSource in, long min, long max) {
        if (between(in, 0, 3) == 0) {
            return switch ((int) between(in, 0, 3)) {
                case 0 -> min;
                case 1 -> max;
                case 2 -> Math.min(max, min + 1);
                default -> Math.max(min, max - 1);
            };
        }
        return between(in, min, max);
    }

    static boolean bool(RandomnessSource in) {
        return between(in, 0, 1) == 1;
    }

    static int u8(RandomnessSource in) {
        return (int) edgy(in, 0, 0xFF);
    }

    static int u16(RandomnessSource in) {
        return (int) edgy(in, 0, 0xFFFF);
    }

    static long u32(RandomnessSource in) {
        return edgy(in, 0, 0xFFFF_FFFFL);
    }

    /** Any 64-bit pattern (unsigned 64-bit fields are held in a long). */
    static long s64(RandomnessSource in) {
        if (between(in, 0, 3) == 0) {
            return switch ((int) between(in, 0, 3)) {
                case 0 -> 0L;
                case 1 -> -1L;
                case 2 -> Long.MIN_VALUE;
                default -> Long.MAX_VALUE;
            };
        }
        return (u32(in) << 32) | u32(in);
    }

    /** A length in min..max, mostly short, sometimes anywhere up to max, sometimes max itself. */
    static int size(RandomnessSource in, int min, int max) {
        if (max <= min) return min;
        return switch ((int) between(in, 0, 9)) {
            case 0 -> max;
            case 1, 2 -> (int) between(in, min, max);
            default -> (int) between(in, min, Math.min(max, min + 24));
        };
    }

    static Octets octets(RandomnessSource in, int min, int max) {
        byte[] b = new byte[size(in, min, max)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) between(in, 0, 255);
        return Octets.wrap(b);
    }

    /** ISO-8859-1 text: characters 0..255, one octet each on the wire. */
    static String text(RandomnessSource in, int min, int max) {
        char[] c = new char[size(in, min, max)];
        for (int i = 0; i < c.length; i++) c[i] = (char) between(in, 0, 255);
        return new String(c);
    }
}
