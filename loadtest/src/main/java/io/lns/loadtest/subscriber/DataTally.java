package io.lns.loadtest.subscriber;

import io.lns.loadtest.ip.IpCounters;
import io.lns.loadtest.ip.ProbeStream;
import java.util.Arrays;

/** Counts the data plane of one tunnel's subscribers, on the tunnel's thread. */
final class DataTally implements ProbeStream.Tally {
    final IpCounters ip = new IpCounters();
    long dataSent;
    long dataReceived;
    long dataMalformed;
    long dataUnknownSession;
    long dataOutOfSequence;
    long spoofedSent;

    private final long[] sent = new long[2];
    private final long[] replied = new long[2];
    private final long[] late = new long[2];
    private final long[][] rtt = {new long[16], new long[16]};

    @Override
    public void sent(ProbeStream.Kind kind) {
        sent[kind.ordinal()]++;
    }

    @Override
    public void replied(ProbeStream.Kind kind, long rttNanos) {
        int k = kind.ordinal();
        long n = replied[k]++;
        if (n == rtt[k].length) rtt[k] = Arrays.copyOf(rtt[k], rtt[k].length * 2);
        rtt[k][(int) n] = rttNanos;
    }

    @Override
    public void late(ProbeStream.Kind kind) {
        late[kind.ordinal()]++;
    }

    SubscriberCounters snapshot() {
        int i = ProbeStream.Kind.ICMP_ECHO.ordinal();
        int u = ProbeStream.Kind.UDP.ordinal();
        return new SubscriberCounters(
                dataSent,
                dataReceived,
                dataMalformed,
                dataUnknownSession,
                dataOutOfSequence,
                ip.received(),
                ip.malformed(),
                ip.echoRequestsAnswered(),
                ip.unmatched() + ip.notForUs(),
                sent[i],
                replied[i],
                late[i],
                Arrays.copyOf(rtt[i], (int) replied[i]),
                sent[u],
                replied[u],
                late[u],
                Arrays.copyOf(rtt[u], (int) replied[u]),
                spoofedSent);
    }
}
