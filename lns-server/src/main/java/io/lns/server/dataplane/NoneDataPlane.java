package io.lns.server.dataplane;

import io.netty.buffer.ByteBuf;
import java.net.Inet4Address;

/** Control plane only: subscribers' packets are counted and dropped. */
public final class NoneDataPlane implements DataPlane {
    private final DataMetrics metrics;

    public NoneDataPlane(DataMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "none";
    }

    @Override
    public TunnelDataPath openTunnel(TunnelEndpoint tunnel) {
        return (link, sequencing) -> attach(link);
    }

    /** A path that carries PPP frames in L2TP data messages and drops IP. */
    public SessionDataPath attach(SubscriberLink link) {
        return new SessionDataPath() {
            @Override
            public void sendFrame(int protocol, byte[] information) {
                link.frameInDataMessage(protocol, information);
            }

            @Override
            public void up(Inet4Address local, Inet4Address peer, int mtu) {}

            @Override
            public void fromSubscriber(int pppProtocol, ByteBuf packet) {
                metrics.dropped(DropReason.NO_DATA_PLANE, packet.readableBytes());
                packet.release();
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public void close() {}
}
