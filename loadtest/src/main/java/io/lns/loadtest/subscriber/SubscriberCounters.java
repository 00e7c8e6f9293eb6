package io.lns.loadtest.subscriber;

import java.util.Arrays;

/**
 * What the subscribers of one or more tunnels did on the data plane, summed with {@link #plus}.
 * Round-trip times are kept as samples (nanoseconds) so percentiles can be taken over all tunnels.
 *
 * @param dataSent L2TP data messages sent (PPP frames of every protocol)
 * @param dataReceived data messages received and handed to a subscriber
 * @param dataMalformed data messages whose payload was not a PPP frame
 * @param dataUnknownSession data messages for no call of ours (or one not yet answered by an ICRP)
 * @param dataOutOfSequence sequenced data messages dropped for an Ns behind the expected one
 * @param ipReceived IPv4 datagrams received by the subscribers
 * @param ipMalformed of those, the ones that failed to decode (checksums, truncation, fragments)
 * @param echoRequestsAnswered ICMP Echo requests to a subscriber's address, answered
 * @param ipUnmatched datagrams for a subscriber that no probe waited for
 * @param pingSent ICMP Echo requests sent by the probes
 * @param pingReceived their replies, in time
 * @param pingLate replies after the reply timeout, or duplicates
 * @param pingRtt round-trip times of the replies in time
 * @param udpSent UDP probes sent
 * @param udpReceived UDP probes echoed back in time
 * @param udpLate echoes after the timeout, or duplicates
 * @param udpRtt round-trip times of the echoes in time
 * @param spoofedSent packets sent with a source address that was not the subscriber's
 */
public record SubscriberCounters(
        long dataSent,
        long dataReceived,
        long dataMalformed,
        long dataUnknownSession,
        long dataOutOfSequence,
        long ipReceived,
        long ipMalformed,
        long echoRequestsAnswered,
        long ipUnmatched,
        long pingSent,
        long pingReceived,
        long pingLate,
        long[] pingRtt,
        long udpSent,
        long udpReceived,
        long udpLate,
        long[] udpRtt,
        long spoofedSent) {

    public static final SubscriberCounters ZERO =
            new SubscriberCounters(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new long[0], 0, 0, 0, new long[0], 0);

    public SubscriberCounters plus(SubscriberCounters o) {
        return new SubscriberCounters(
                dataSent + o.dataSent,
                dataReceived + o.dataReceived,
                dataMalformed + o.dataMalformed,
                dataUnknownSession + o.dataUnknownSession,
                dataOutOfSequence + o.dataOutOfSequence,
                ipReceived + o.ipReceived,
                ipMalformed + o.ipMalformed,
                echoRequestsAnswered + o.echoRequestsAnswered,
                ipUnmatched + o.ipUnmatched,
                pingSent + o.pingSent,
                pingReceived + o.pingReceived,
                pingLate + o.pingLate,
                concat(pingRtt, o.pingRtt),
                udpSent + o.udpSent,
                udpReceived + o.udpReceived,
                udpLate + o.udpLate,
                concat(udpRtt, o.udpRtt),
                spoofedSent + o.spoofedSent);
    }

    private static long[] concat(long[] a, long[] b) {
        if (b.length == 0) return a;
        if (a.length == 0) return b;
        long[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SubscriberCounters c && toString().equals(c.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "SubscriberCounters[data " + dataSent + "/" + dataReceived + "/" + dataMalformed + "/"
                + dataUnknownSession + "/" + dataOutOfSequence + ", ip " + ipReceived + "/" + ipMalformed + "/"
                + echoRequestsAnswered + "/" + ipUnmatched + ", ping " + pingSent + "/" + pingReceived + "/" + pingLate
                + " rtt " + Arrays.toString(pingRtt) + ", udp " + udpSent + "/" + udpReceived + "/" + udpLate + " rtt "
                + Arrays.toString(udpRtt) + ", spoofed " + spoofedSent + "]";
    }
}
