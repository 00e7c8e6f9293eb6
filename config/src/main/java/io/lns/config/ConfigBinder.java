package io.lns.config;

import java.util.Map;
import org.yaml.snakeyaml.nodes.Node;

/** Binds a composed YAML document to a {@link Config}, collecting every problem on the way. */
final class ConfigBinder {

    private ConfigBinder() {}

    /** The config, or null when {@code ctx} has collected errors. */
    static Config bind(Node root, BindContext ctx) {
        MappingReader top = MappingReader.of(root, null, "", ctx);
        SystemConfig system = SystemBinder.bind(top, ctx);
        Map<String, PeerProfile> peers = PeerBinder.bindAll(top);
        Map<String, TunnelProfile> tunnels =
                ProfileSection.bind(top, "tunnel-profiles", TunnelProfile.DEFAULTS, TunnelBinder::bind);
        Map<String, SessionProfile> sessions =
                ProfileSection.bind(top, "session-profiles", SessionProfile.DEFAULTS, SessionBinder::bind);
        Map<String, PppProfile> ppps = ProfileSection.bind(top, "ppp-profiles", PppProfile.DEFAULTS, PppBinder::bind);
        Map<String, AddressPool> pools = PoolBinder.bindAll(top);
        top.rejectUnknown(null);
        ctx.checkReferences(Map.of(
                "tunnel-profiles", tunnels.keySet(),
                "session-profiles", sessions.keySet(),
                "ppp-profiles", ppps.keySet(),
                "address-pools", pools.keySet()));
        return ctx.hasErrors() ? null : new Config(system, peers, tunnels, sessions, ppps, pools);
    }
}
