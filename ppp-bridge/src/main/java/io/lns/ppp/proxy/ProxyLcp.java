package io.lns.ppp.proxy;

import io.lns.ppp.frame.ConfigOption;
import io.lns.ppp.lcp.AuthProtocol;
import io.lns.ppp.lcp.LcpOptionTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The LCP state a LAC negotiated with the subscriber before forwarding the call (RFC 2661 §4.4.5,
 * the Initial Received, Last Sent and Last Received LCP CONFREQ AVPs). Each array holds the options
 * of a Configure-Request, from the first option on, without the LCP header. "Sent" and "received"
 * are from the LAC's point of view: {@code lastSent} is what the LAC asked of the subscriber, so
 * what the LNS would have asked (its MRU, Authentication-Protocol, Magic-Number); {@code lastReceived}
 * is the subscriber's own request (its MRU, Magic-Number, PFC/ACFC). Independent of the L2TP codec.
 */
public record ProxyLcp(byte[] initialReceived, byte[] lastSent, byte[] lastReceived) {
    public ProxyLcp {
        initialReceived = initialReceived == null ? new byte[0] : initialReceived.clone();
        lastSent = lastSent == null ? new byte[0] : lastSent.clone();
        lastReceived = lastReceived == null ? new byte[0] : lastReceived.clone();
    }

    @Override
    public byte[] initialReceived() {
        return initialReceived.clone();
    }

    @Override
    public byte[] lastSent() {
        return lastSent.clone();
    }

    @Override
    public byte[] lastReceived() {
        return lastReceived.clone();
    }

    /**
     * A consistent proxy LCP set for a simulated subscriber behind a LAC (the load tester's side):
     * the subscriber asked for its MRU and magic and the LAC acknowledged at once, so the initial and
     * last received requests are the same; the LAC asked for its MRU, {@code lacAuth} and its magic.
     *
     * @param subscriberMru the subscriber's MRU, or {@code null} to leave the option out
     * @param subscriberMagic the subscriber's Magic-Number, or 0 to leave it out
     * @param lacMru the LAC's MRU, or {@code null}
     * @param lacAuth the authentication protocol the LAC asked for, or {@code null} for none
     * @param lacMagic the LAC's Magic-Number (the LNS takes it as its own), or 0 to leave it out
     */
    public static ProxyLcp forSubscriber(
            Integer subscriberMru, int subscriberMagic, Integer lacMru, AuthProtocol lacAuth, int lacMagic) {
        if (subscriberMagic != 0 && subscriberMagic == lacMagic) {
            throw new IllegalArgumentException("equal magic numbers look like a looped-back link");
        }
        List<ConfigOption> subscriber = new ArrayList<>();
        if (subscriberMru != null) subscriber.add(new ConfigOption(LcpOptionTypes.MRU, u16(subscriberMru)));
        if (subscriberMagic != 0) subscriber.add(new ConfigOption(LcpOptionTypes.MAGIC_NUMBER, u32(subscriberMagic)));
        List<ConfigOption> lac = new ArrayList<>();
        if (lacMru != null) lac.add(new ConfigOption(LcpOptionTypes.MRU, u16(lacMru)));
        if (lacAuth != null) lac.add(new ConfigOption(LcpOptionTypes.AUTH_PROTOCOL, lacAuth.value()));
        if (lacMagic != 0) lac.add(new ConfigOption(LcpOptionTypes.MAGIC_NUMBER, u32(lacMagic)));
        byte[] received = ConfigOption.encodeAll(subscriber);
        return new ProxyLcp(received, ConfigOption.encodeAll(lac), received);
    }

    private static byte[] u16(int v) {
        if (v < 0 || v > 0xFFFF) throw new IllegalArgumentException("MRU out of range: " + v);
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyLcp p
                && Arrays.equals(initialReceived, p.initialReceived)
                && Arrays.equals(lastSent, p.lastSent)
                && Arrays.equals(lastReceived, p.lastReceived);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lastSent) * 31 + Arrays.hashCode(lastReceived);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "ProxyLcp[initialReceived=" + hex.formatHex(initialReceived) + ", lastSent=" + hex.formatHex(lastSent)
                + ", lastReceived=" + hex.formatHex(lastReceived) + "]";
    }
}
