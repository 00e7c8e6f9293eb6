package io.lns.loadtest.run;

import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberCounters;
import io.lns.loadtest.subscriber.SubscriberListener;
import java.util.concurrent.CompletableFuture;

/**
 * Where the simulated tunnels live: each {@link TunnelHandle} owns one {@link
 * io.lns.loadtest.subscriber.SubscriberTunnel} (or a bare {@link io.lns.loadtest.lac.LacTunnel}) on
 * one thread and runs every request on it. The load runner only talks to tunnels through handles
 * and hears back through the {@link SubscriberListener}, called on the tunnel's thread.
 */
public interface LacTransport extends AutoCloseable {

    /**
     * Creates tunnel {@code tunnelId}; nothing is sent before {@link TunnelHandle#start()}.
     *
     * @param subscribers a subscriber (PPP client) behind every call, or null for L2TP only
     */
    TunnelHandle open(int index, int tunnelId, SubscriberConfig subscribers, SubscriberListener listener);

    @Override
    void close();

    /** One tunnel, driven asynchronously. */
    interface TunnelHandle {
        /** Opens the socket and sends the SCCRQ; a socket error is reported as a failed tunnel. */
        void start();

        /** Places a call; {@code serial} is also the subscriber's global index (from 1). */
        void startCall(long serial, String callingNumber);

        /** See {@link io.lns.loadtest.lac.LacTunnel#teardown}. */
        void teardown(boolean callsFirst);

        /** The tunnel's counters, read on its thread. */
        CompletableFuture<TunnelCounters> counters();

        /** What its subscribers did on the data plane, read on its thread. */
        default CompletableFuture<SubscriberCounters> subscriberCounters() {
            return CompletableFuture.completedFuture(SubscriberCounters.ZERO);
        }

        /** Closes the socket; the tunnel is silent from then on. */
        void close();
    }

    /** Control message counters of one tunnel. */
    record TunnelCounters(
            long sent,
            long retransmitted,
            long received,
            long zlbSent,
            long zlbReceived,
            long duplicates,
            long ignored,
            long malformed) {
        public static final TunnelCounters ZERO = new TunnelCounters(0, 0, 0, 0, 0, 0, 0, 0);

        public TunnelCounters plus(TunnelCounters o) {
            return new TunnelCounters(
                    sent + o.sent,
                    retransmitted + o.retransmitted,
                    received + o.received,
                    zlbSent + o.zlbSent,
                    zlbReceived + o.zlbReceived,
                    duplicates + o.duplicates,
                    ignored + o.ignored,
                    malformed + o.malformed);
        }
    }
}
