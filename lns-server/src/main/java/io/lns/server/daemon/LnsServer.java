package io.lns.server.daemon;

import io.lns.config.Config;
import io.lns.config.ConfigException;
import io.lns.config.SystemConfig;
import io.lns.server.aaa.LocalAuthenticator;
import io.lns.server.aaa.LocalUsers;
import io.lns.server.metrics.LnsMetrics;
import io.lns.server.pool.AddressPools;
import io.lns.server.subscriber.SubscriberServices;
import io.lns.server.transport.L2tpTransport;
import io.lns.server.transport.ServerSettings;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LNS assembled from a configuration: users and pools, admission, meters, the transport with
 * its subscribers' data plane. {@code lns run} and {@code lns demo} both use it.
 */
public final class LnsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LnsServer.class);

    private final Admission admission;
    private final SubscriberServices subscribers;
    private final L2tpTransport transport;

    private LnsServer(Admission admission, SubscriberServices subscribers, L2tpTransport transport) {
        this.admission = admission;
        this.subscribers = subscribers;
        this.transport = transport;
    }

    /**
     * @param listen where to receive L2TP
     * @param extraTrace trace bits added to every tunnel
     * @param threads event loops (0: Netty's default)
     * @throws ConfigException when the users file is unreadable or wrong
     * @throws IllegalArgumentException when the pools cannot be built
     */
    public static LnsServer create(
            Config config,
            List<InetSocketAddress> listen,
            int extraTrace,
            int threads,
            SubscriberServices subscribers,
            MeterRegistry registry)
            throws ConfigException {
        SystemConfig system = config.system();
        ConfigMapping.Aaa aaa = new ConfigMapping.Aaa(
                new LocalAuthenticator(
                        system.usersFile().isPresent()
                                ? LocalUsers.load(system.usersFile().get())
                                : LocalUsers.empty()),
                AddressPools.fromConfig(config.addressPools()));
        if (system.usersFile().isEmpty()) {
            log.warn("no system.users-file: every PPP authentication will be rejected");
        }
        ServerSettings settings = new ServerSettings(
                listen,
                (peer, peerHost) -> ConfigMapping.plan(config, peer, peerHost, extraTrace, aaa),
                ConfigMapping.limits(system),
                threads,
                4 * 1024 * 1024);
        Admission admission = new Admission(settings.limits(), System.nanoTime());
        LnsMetrics metrics = new LnsMetrics(registry, admission);
        return new LnsServer(admission, subscribers, new L2tpTransport(settings, admission, metrics, subscribers));
    }

    /** Starts the data plane and the listeners; returns the addresses bound. */
    public List<InetSocketAddress> start() throws IOException, InterruptedException {
        return transport.start();
    }

    /** StopCCN to every tunnel, bounded by {@code graceMillis}. */
    public void shutdown(long graceMillis) throws InterruptedException {
        transport.shutdown(graceMillis);
    }

    @Override
    public void close() {
        transport.close();
    }

    public Admission admission() {
        return admission;
    }

    public SubscriberServices subscribers() {
        return subscribers;
    }

    public L2tpTransport transport() {
        return transport;
    }

    /** SIGUSR1's lines. */
    public List<String> status() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(
                "%d tunnels, %d sessions (%d in setup), refused %d tunnels / %d sessions",
                admission.tunnels(),
                admission.sessions(),
                admission.sessionsInSetup(),
                admission.refusedTunnels(),
                admission.refusedSessions()));
        lines.add(String.format(
                "%d subscribers up, %d addresses leased, data path %s",
                subscribers.pppMetrics().subscribersUp(),
                subscribers.pppMetrics().addressesLeased(),
                subscribers.dataPlane().name()));
        lines.addAll(transport.status());
        return lines;
    }
}
