package io.lns.loadtest.lac;

import io.lns.l2tp.control.ReliableChannelConfig;
import io.lns.l2tp.hidden.TunnelSecret;
import java.time.Duration;

/**
 * How the simulated LAC behaves. Times are durations; the state machines turn them into
 * nanoseconds of their clock.
 *
 * @param hostName sent in the Host Name AVP of the SCCRQ
 * @param vendorName sent in the Vendor Name AVP
 * @param firmwareRevision sent in the Firmware Revision AVP
 * @param secret the tunnel secret for challenge/response authentication and hidden AVPs, or null
 * @param hideAvps hide the AVPs RFC 2661 lets us hide (needs a secret)
 * @param channel the reliable control channel's settings (our Receive Window Size is its window)
 * @param tunnelSetupTimeout from SCCRQ until our SCCCN is acknowledged
 * @param callSetupTimeout from ICRQ until our ICCN is acknowledged
 * @param helloInterval a HELLO goes out after this long without a message from the LNS (§6.5)
 * @param teardownTimeout how long to wait for the LNS to acknowledge our CDNs and StopCCN
 * @param txConnectSpeed bits per second reported in the ICCN
 * @param sequencingRequired the ICCN carries Sequencing Required (RFC 2661 §4.4.6): both ends put
 *     sequence numbers in the call's data messages
 */
public record LacConfig(
        String hostName,
        String vendorName,
        int firmwareRevision,
        TunnelSecret secret,
        boolean hideAvps,
        ReliableChannelConfig channel,
        Duration tunnelSetupTimeout,
        Duration callSetupTimeout,
        Duration helloInterval,
        Duration teardownTimeout,
        long txConnectSpeed,
        boolean sequencingRequired) {

    public static final String VENDOR = "lns-loadtest";

    public LacConfig {
        if (hideAvps && secret == null) throw new IllegalArgumentException("hiding AVPs needs a tunnel secret");
    }

    public static LacConfig defaults() {
        return new LacConfig(
                "lns-loadtest",
                VENDOR,
                0x0100,
                null,
                false,
                ReliableChannelConfig.DEFAULTS,
                Duration.ofSeconds(10),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofSeconds(5),
                100_000_000L,
                false);
    }

    public LacConfig withSecret(TunnelSecret s, boolean hide) {
        return new LacConfig(
                hostName,
                vendorName,
                firmwareRevision,
                s,
                hide,
                channel,
                tunnelSetupTimeout,
                callSetupTimeout,
                helloInterval,
                teardownTimeout,
                txConnectSpeed,
                sequencingRequired);
    }

    public LacConfig withChannel(ReliableChannelConfig c) {
        return new LacConfig(
                hostName,
                vendorName,
                firmwareRevision,
                secret,
                hideAvps,
                c,
                tunnelSetupTimeout,
                callSetupTimeout,
                helloInterval,
                teardownTimeout,
                txConnectSpeed,
                sequencingRequired);
    }

    public LacConfig withTimeouts(Duration setup, Duration teardown) {
        return new LacConfig(
                hostName,
                vendorName,
                firmwareRevision,
                secret,
                hideAvps,
                channel,
                setup,
                setup,
                helloInterval,
                teardown,
                txConnectSpeed,
                sequencingRequired);
    }

    public LacConfig withHostName(String name) {
        return new LacConfig(
                name,
                vendorName,
                firmwareRevision,
                secret,
                hideAvps,
                channel,
                tunnelSetupTimeout,
                callSetupTimeout,
                helloInterval,
                teardownTimeout,
                txConnectSpeed,
                sequencingRequired);
    }

    public LacConfig withHelloInterval(Duration hello) {
        return new LacConfig(
                hostName,
                vendorName,
                firmwareRevision,
                secret,
                hideAvps,
                channel,
                tunnelSetupTimeout,
                callSetupTimeout,
                hello,
                teardownTimeout,
                txConnectSpeed,
                sequencingRequired);
    }

    /** Sequencing Required in every ICCN, sequence numbers in every data message (RFC 2661 §5.4). */
    public LacConfig withSequencing(boolean required) {
        return new LacConfig(
                hostName,
                vendorName,
                firmwareRevision,
                secret,
                hideAvps,
                channel,
                tunnelSetupTimeout,
                callSetupTimeout,
                helloInterval,
                teardownTimeout,
                txConnectSpeed,
                required);
    }
}
