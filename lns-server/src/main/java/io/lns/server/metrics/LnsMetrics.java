package io.lns.server.metrics;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.server.tunnel.Admission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters (Micrometer; exported as Prometheus text). No per-tunnel or per-session
 * labels: cardinality stays fixed however many subscribers there are.
 */
public final class LnsMetrics {
    private final Map<ControlMessageType, Counter> received = new EnumMap<>(ControlMessageType.class);
    private final Map<ControlMessageType, Counter> sent = new EnumMap<>(ControlMessageType.class);
    private final Map<L2tpDecodeException.Reason, Counter> malformed = new EnumMap<>(L2tpDecodeException.Reason.class);
    private final Counter zlbReceived;
    private final Counter zlbSent;
    private final Counter unknownType;
    private final Counter unknownTunnel;
    private final Timer tunnelSetup;
    private final Timer sessionSetup;

    private final MeterRegistry registry;

    public LnsMetrics(MeterRegistry registry, Admission admission) {
        this.registry = registry;
        for (ControlMessageType t : ControlMessageType.values()) {
            received.put(
                    t,
                    Counter.builder("lns_control_messages_received")
                            .description("Control messages received, by type")
                            .tag("type", t.name())
                            .register(registry));
            sent.put(
                    t,
                    Counter.builder("lns_control_messages_sent")
                            .description("Control messages sent (retransmissions included), by type")
                            .tag("type", t.name())
                            .register(registry));
        }
        for (L2tpDecodeException.Reason r : L2tpDecodeException.Reason.values()) {
            malformed.put(
                    r,
                    Counter.builder("lns_datagrams_malformed")
                            .description("Datagrams that are not valid L2TPv2, by reason")
                            .tag("reason", r.name().toLowerCase())
                            .register(registry));
        }
        zlbReceived = Counter.builder("lns_zlb_received").register(registry);
        zlbSent = Counter.builder("lns_zlb_sent").register(registry);
        unknownType = Counter.builder("lns_control_messages_unknown_type").register(registry);
        unknownTunnel = Counter.builder("lns_datagrams_unknown_tunnel")
                .description("Datagrams for a tunnel id that does not exist")
                .register(registry);
        tunnelSetup = Timer.builder("lns_tunnel_setup")
                .description("SCCRQ to SCCCN")
                .publishPercentileHistogram()
                .register(registry);
        sessionSetup = Timer.builder("lns_session_setup")
                .description("ICRQ to ICCN")
                .publishPercentileHistogram()
                .register(registry);
        Gauge.builder("lns_tunnels", admission, Admission::tunnels)
                .description("Tunnels open")
                .register(registry);
        Gauge.builder("lns_sessions", admission, Admission::sessions)
                .description("Sessions open (in setup or established)")
                .register(registry);
        Gauge.builder("lns_sessions_in_setup", admission, Admission::sessionsInSetup)
                .register(registry);
        Gauge.builder("lns_tunnels_refused", admission, Admission::refusedTunnels)
                .register(registry);
        Gauge.builder("lns_sessions_refused", admission, Admission::refusedSessions)
                .register(registry);
    }

    /** Registers the system totals of per-tunnel counters, over {@code live} tunnels and closed ones. */
    public TunnelTotals tunnelTotals(
            java.util.function.Supplier<java.util.Collection<io.lns.l2tp.control.LnsTunnel>> live) {
        return new TunnelTotals(registry, live);
    }

    public void controlReceived(ControlMessage m) {
        if (m.isZlb()) {
            zlbReceived.increment();
            return;
        }
        m.type().ifPresentOrElse(t -> received.get(t).increment(), unknownType::increment);
    }

    public void controlSent(ControlMessage m) {
        if (m.isZlb()) {
            zlbSent.increment();
            return;
        }
        m.type().ifPresent(t -> sent.get(t).increment());
    }

    public void malformed(L2tpDecodeException.Reason reason) {
        malformed.get(reason).increment();
    }

    public void unknownTunnel() {
        unknownTunnel.increment();
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void tunnelEstablished(long nanos) {
        tunnelSetup.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void sessionEstablished(long nanos) {
        sessionSetup.record(nanos, TimeUnit.NANOSECONDS);
    }
}
