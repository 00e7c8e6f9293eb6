package io.lns.server.transport;

import io.lns.config.SourcePort;
import io.lns.l2tp.control.TunnelSettings;

/** How to make a new tunnel for a peer: its settings and which source port its socket uses. */
public record TunnelPlan(TunnelSettings settings, SourcePort sourcePort) {}
