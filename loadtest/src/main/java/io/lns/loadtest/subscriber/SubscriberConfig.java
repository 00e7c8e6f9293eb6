package io.lns.loadtest.subscriber;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.Objects;

/**
 * How every simulated subscriber behaves: its PPP client (RFC 1661 peer role) and the traffic of its
 * tiny IP stack. Build one with {@link #defaults()} and {@link #toBuilder()}.
 *
 * @param auth which authentication protocols the subscriber accepts
 * @param userPattern the user name; {@code %d} becomes the global session index (from 1)
 * @param password the same for every subscriber; never printed
 * @param mru the MRU we request in LCP, or null to request none
 * @param requestDns ask for DNS servers in IPCP (RFC 1877)
 * @param ipv6 run IPv6CP as well
 * @param pppTimeout from the start of PPP until IPCP opens; the call fails after that
 * @param pingTarget send ICMP Echo requests here once IPCP is up; {@link #GATEWAY} for the LNS's own
 *     IPCP address; null for none
 * @param pingRate Echo requests per second per subscriber
 * @param pingCount Echo requests per subscriber
 * @param udpTarget send UDP datagrams here once IPCP is up; {@link #GATEWAY} as above; null for none
 * @param udpPort their destination port
 * @param udpSize their payload size in octets (at least 8: a tag, our id, the sequence number)
 * @param udpRate datagrams per second per subscriber
 * @param udpCount datagrams per subscriber
 * @param replyTimeout an Echo request or UDP datagram not answered this long after sending is lost
 * @param spoof ICMP Echo requests each subscriber sends with a source address not its own (for the
 *     LNS's anti-spoofing check)
 * @param proxyLcp act as a BRAS that negotiated LCP and authentication with the subscriber: the ICCN
 *     carries proxy LCP and authentication AVPs (RFC 2661 §4.4.5) and the subscriber's PPP starts
 *     from them (see {@link ProxyDial})
 */
public record SubscriberConfig(
        AuthChoice auth,
        String userPattern,
        String password,
        Integer mru,
        boolean requestDns,
        boolean ipv6,
        Duration pppTimeout,
        Inet4Address pingTarget,
        double pingRate,
        int pingCount,
        Inet4Address udpTarget,
        int udpPort,
        int udpSize,
        double udpRate,
        int udpCount,
        Duration replyTimeout,
        int spoof,
        boolean proxyLcp) {

    /** As a ping or UDP target: the address the LNS gave itself in IPCP (0.0.0.0 stands for it). */
    public static final Inet4Address GATEWAY = io.lns.loadtest.ip.Ipv4.toAddress(0);

    public SubscriberConfig {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(userPattern, "userPattern");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(pppTimeout, "pppTimeout");
        Objects.requireNonNull(replyTimeout, "replyTimeout");
        if (pppTimeout.isNegative() || pppTimeout.isZero()) throw new IllegalArgumentException("PPP timeout > 0");
        if (replyTimeout.isNegative() || replyTimeout.isZero()) {
            throw new IllegalArgumentException("reply timeout > 0");
        }
        if (pingTarget != null && (!(pingRate > 0) || pingCount < 1 || pingCount > 0x10000)) {
            throw new IllegalArgumentException("--ping needs a rate > 0 and a count of 1..65536");
        }
        if (udpTarget != null) {
            if (udpPort < 1 || udpPort > 0xFFFF) throw new IllegalArgumentException("UDP port 1..65535");
            if (udpSize < 8 || udpSize > 1400) throw new IllegalArgumentException("--udp-size 8..1400 octets");
            if (!(udpRate > 0) || udpCount < 1 || udpCount > 0x10000) {
                throw new IllegalArgumentException("--udp needs a rate > 0 and a count of 1..65536");
            }
        }
        if (spoof < 0 || spoof > 0xFFFF) throw new IllegalArgumentException("--spoof 0..65535");
    }

    /** Any protocol the LNS asks for, user{@code %d}, password "password", MRU 1460, DNS, IPv6CP, no traffic. */
    public static SubscriberConfig defaults() {
        return new SubscriberConfig(
                AuthChoice.ANY,
                "user%d",
                "password",
                1460,
                true,
                true,
                Duration.ofSeconds(10),
                null,
                1,
                5,
                null,
                7,
                64,
                1,
                5,
                Duration.ofSeconds(1),
                0,
                false);
    }

    /** The user name of subscriber {@code index} (1-based). */
    public String userName(long index) {
        return userPattern.replace("%d", Long.toString(index));
    }

    /** Whether subscribers send traffic of their own once up. */
    public boolean sendsData() {
        return pingTarget != null || udpTarget != null || spoof > 0;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "SubscriberConfig[auth=" + auth + ", user=" + userPattern + ", password=<hidden>, mru=" + mru
                + ", dns=" + requestDns + ", ipv6=" + ipv6 + ", pppTimeout=" + pppTimeout + ", ping=" + pingTarget
                + ", udp=" + udpTarget + ":" + udpPort + ", spoof=" + spoof + "]";
    }

    /** Changes some fields of a {@link SubscriberConfig}. */
    public static final class Builder {
        private AuthChoice auth;
        private String userPattern;
        private String password;
        private Integer mru;
        private boolean requestDns;
        private boolean ipv6;
        private Duration pppTimeout;
        private Inet4Address pingTarget;
        private double pingRate;
        private int pingCount;
        private Inet4Address udpTarget;
        private int udpPort;
        private int udpSize;
        private double udpRate;
        private int udpCount;
        private Duration replyTimeout;
        private int spoof;
        private boolean proxyLcp;

        private Builder(SubscriberConfig c) {
            auth = c.auth;
            userPattern = c.userPattern;
            password = c.password;
            mru = c.mru;
            requestDns = c.requestDns;
            ipv6 = c.ipv6;
            pppTimeout = c.pppTimeout;
            pingTarget = c.pingTarget;
            pingRate = c.pingRate;
            pingCount = c.pingCount;
            udpTarget = c.udpTarget;
            udpPort = c.udpPort;
            udpSize = c.udpSize;
            udpRate = c.udpRate;
            udpCount = c.udpCount;
            replyTimeout = c.replyTimeout;
            spoof = c.spoof;
            proxyLcp = c.proxyLcp;
        }

        public Builder auth(AuthChoice a) {
            auth = a;
            return this;
        }

        /** {@code pattern}: {@code %d} becomes the session index. */
        public Builder credentials(String pattern, String pw) {
            userPattern = pattern;
            password = pw;
            return this;
        }

        public Builder mru(Integer m) {
            mru = m;
            return this;
        }

        public Builder requestDns(boolean d) {
            requestDns = d;
            return this;
        }

        public Builder ipv6(boolean v6) {
            ipv6 = v6;
            return this;
        }

        public Builder pppTimeout(Duration t) {
            pppTimeout = t;
            return this;
        }

        public Builder ping(Inet4Address target, double rate, int count) {
            pingTarget = target;
            pingRate = rate;
            pingCount = count;
            return this;
        }

        public Builder udp(Inet4Address target, int port, int size, double rate, int count) {
            udpTarget = target;
            udpPort = port;
            udpSize = size;
            udpRate = rate;
            udpCount = count;
            return this;
        }

        public Builder replyTimeout(Duration t) {
            replyTimeout = t;
            return this;
        }

        public Builder spoof(int n) {
            spoof = n;
            return this;
        }

        public Builder proxyLcp(boolean p) {
            proxyLcp = p;
            return this;
        }

        public SubscriberConfig build() {
            return new SubscriberConfig(
                    auth,
                    userPattern,
                    password,
                    mru,
                    requestDns,
                    ipv6,
                    pppTimeout,
                    pingTarget,
                    pingRate,
                    pingCount,
                    udpTarget,
                    udpPort,
                    udpSize,
                    udpRate,
                    udpCount,
                    replyTimeout,
                    spoof,
                    proxyLcp);
        }
    }
}
