package io.lns.loadtest.ip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IPv4 layer of one simulated subscriber, Sans-IO: it answers ICMP Echo requests to its own
 * address, hands Echo Replies and UDP datagrams to its {@link ProbeStream}s, and sends what they
 * (and the spoofing test) build. Everything else is counted and dropped. Not thread-safe.
 */
public final class IpStack {

    /** Where finished IPv4 datagrams go (into a PPP frame, protocol 0x0021). */
    public interface Output {
        void send(byte[] datagram);
    }

    private final int address;
    private final Output out;
    private final IpCounters counters;
    private final List<ProbeStream> probes = new ArrayList<>(2);
    private int nextIdentification;

    /**
     * @param identificationSeed where the IPv4 Identification counter starts
     * @param counters where to count (may be shared by many stacks on one thread)
     */
    public IpStack(int address, Output out, int identificationSeed, IpCounters counters) {
        this.address = address;
        this.out = out;
        this.nextIdentification = identificationSeed & 0xFFFF;
        this.counters = counters;
    }

    public int address() {
        return address;
    }

    void register(ProbeStream probe) {
        probes.add(probe);
    }

    /** A datagram arrived from the link; never throws for what it contains. */
    public void receive(byte[] datagram, long now) {
        counters.received++;
        try {
            Ipv4Packet p = Ipv4Packet.decode(datagram);
            if (p.destination() != address) {
                counters.notForUs++;
                return;
            }
            switch (p.protocol()) {
                case Ipv4Packet.ICMP -> icmp(p, now);
                case Ipv4Packet.UDP -> udp(p, now);
                default -> counters.unmatched++;
            }
        } catch (IpDecodeException e) {
            counters.malformed++;
        }
    }

    private void icmp(Ipv4Packet p, long now) {
        Optional<IcmpEcho> echo = IcmpEcho.decode(p.payload());
        if (echo.isEmpty()) {
            counters.unmatched++; // unreachable, time exceeded, ...: not what the probes wait for
            return;
        }
        IcmpEcho e = echo.get();
        if (!e.reply()) {
            counters.echoRequestsAnswered++;
            sendIcmp(address, p.source(), e.toReply());
            return;
        }
        for (ProbeStream probe : probes) {
            if (probe.onEchoReply(p.source(), e, now)) return;
        }
        counters.unmatched++;
    }

    private void udp(Ipv4Packet p, long now) {
        UdpDatagram d = UdpDatagram.decode(p.source(), p.destination(), p.payload());
        for (ProbeStream probe : probes) {
            if (probe.onUdp(p.source(), d, now)) return;
        }
        counters.unmatched++;
    }

    /** Sends an ICMP message; {@code source} is normally {@link #address()} (not for the spoofing test). */
    public void sendIcmp(int source, int destination, IcmpEcho message) {
        out.send(new Ipv4Packet(
                        nextId(), false, Ipv4Packet.DEFAULT_TTL, Ipv4Packet.ICMP, source, destination, message.encode())
                .encode());
    }

    public void sendUdp(int source, int destination, UdpDatagram datagram) {
        out.send(new Ipv4Packet(
                        nextId(),
                        false,
                        Ipv4Packet.DEFAULT_TTL,
                        Ipv4Packet.UDP,
                        source,
                        destination,
                        datagram.encode(source, destination))
                .encode());
    }

    private int nextId() {
        int id = nextIdentification;
        nextIdentification = (nextIdentification + 1) & 0xFFFF;
        return id;
    }
}
