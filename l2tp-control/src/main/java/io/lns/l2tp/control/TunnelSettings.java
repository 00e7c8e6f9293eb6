package io.lns.l2tp.control;

import io.lns.config.AuthMode;
import io.lns.config.Sequencing;
import io.lns.l2tp.hidden.TunnelSecret;

/**
 * What one tunnel needs from its resolved profiles, fixed when the tunnel is created (a changed
 * profile affects only new tunnels).
 *
 * @param hostName our Host Name AVP
 * @param secret tunnel secret, or null
 * @param authMode who may create a tunnel
 * @param peerProfileMatched whether a non-default peer profile matched this peer (SIMPLE mode)
 * @param hideAvps hide the AVPs RFC 2661 lets us hide in what we send (needs a secret)
 * @param helloInterval nanoseconds without hearing from the peer before a HELLO; 0 disables
 * @param channel reliable channel settings (our receive window, retransmission)
 * @param maxSessions sessions this tunnel may carry; 0 means no limit
 * @param sequencing data sequencing for new sessions
 * @param traceMask {@link io.lns.config.TraceMask} bits to trace for this tunnel and its sessions
 * @param hideAvpsInSccrp with {@code hideAvps}, hide in the SCCRP too (RFC 2661 allows it). False
 *     for xl2tpd peers: xl2tpd (1.3.x) reveals hidden AVPs with a secret it loads only after it has
 *     parsed our SCCRP (with an empty one before), so it refuses a hidden Assigned Tunnel ID there;
 *     from the next message on it reveals RFC 2661 §4.3 hidden AVPs correctly (docs/codec.md)
 * @param setupTimeout nanoseconds a tunnel may wait for the peer's SCCCN, and a call for its ICCN
 *     (or OCRP and OCCN), before it is cleared; 0 waits for ever
 */
public record TunnelSettings(
        String hostName,
        TunnelSecret secret,
        AuthMode authMode,
        boolean peerProfileMatched,
        boolean hideAvps,
        long helloInterval,
        ReliableChannelConfig channel,
        int maxSessions,
        Sequencing sequencing,
        int traceMask,
        boolean hideAvpsInSccrp,
        long setupTimeout) {

    public static final String VENDOR_NAME = "lns";
    public static final int FIRMWARE_REVISION = 0x0100;

    public static TunnelSettings defaults(String hostName) {
        return new TunnelSettings(
                hostName,
                null,
                AuthMode.NONE,
                false,
                false,
                60_000_000_000L,
                ReliableChannelConfig.DEFAULTS,
                0,
                Sequencing.NONE,
                0,
                true,
                60_000_000_000L);
    }

    public TunnelSettings withSecret(TunnelSecret s, AuthMode mode, boolean hide) {
        return new TunnelSettings(
                hostName,
                s,
                mode,
                peerProfileMatched,
                hide,
                helloInterval,
                channel,
                maxSessions,
                sequencing,
                traceMask,
                hideAvpsInSccrp,
                setupTimeout);
    }

    public TunnelSettings withTraceMask(int mask) {
        return new TunnelSettings(
                hostName,
                secret,
                authMode,
                peerProfileMatched,
                hideAvps,
                helloInterval,
                channel,
                maxSessions,
                sequencing,
                mask,
                hideAvpsInSccrp,
                setupTimeout);
    }

    /** The same with another setup timeout (nanoseconds, 0 for none). */
    public TunnelSettings withSetupTimeout(long nanos) {
        return new TunnelSettings(
                hostName,
                secret,
                authMode,
                peerProfileMatched,
                hideAvps,
                helloInterval,
                channel,
                maxSessions,
                sequencing,
                traceMask,
                hideAvpsInSccrp,
                nanos);
    }

    public TunnelSettings withHideAvpsInSccrp(boolean hide) {
        return new TunnelSettings(
                hostName,
                secret,
                authMode,
                peerProfileMatched,
                hideAvps,
                helloInterval,
                channel,
                maxSessions,
                sequencing,
                traceMask,
                hide,
                setupTimeout);
    }

    @Override
    public String toString() {
        return "TunnelSettings[host=" + hostName + ", secret=" + (secret == null ? "none" : "set") + ", auth="
                + authMode + ", hide=" + hideAvps + (hideAvpsInSccrp ? "" : " (not in SCCRP)") + "]";
    }
}
