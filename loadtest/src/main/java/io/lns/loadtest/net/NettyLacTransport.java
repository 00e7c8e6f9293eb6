package io.lns.loadtest.net;

import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.lns.loadtest.lac.LacConfig;
import io.lns.loadtest.run.LacTransport;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberListener;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tunnels over UDP on Netty's native epoll transport: one IPv4 socket per tunnel, bound to one of
 * the local addresses (round robin) on an ephemeral port, each tunnel on one event loop for life,
 * with its subscribers' PPP and data messages on the same socket and loop.
 */
public final class NettyLacTransport implements LacTransport {
    private final EventLoopGroup group;
    private final InetSocketAddress lns;
    private final List<InetAddress> locals;
    private final LacConfig config;
    private final L2tpPacketEncoder encoder = L2tpPacketEncoder.standard();
    private final L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param locals addresses to bind tunnels to, round robin; empty for the wildcard address
     * @param threads event loop threads
     */
    public NettyLacTransport(InetSocketAddress lns, List<InetAddress> locals, LacConfig config, int threads) {
        Epoll.ensureAvailability();
        this.lns = lns;
        this.locals = List.copyOf(locals);
        this.config = config;
        this.group = new MultiThreadIoEventLoopGroup(threads, EpollIoHandler.newFactory());
    }

    @Override
    public TunnelHandle open(int index, int tunnelId, SubscriberConfig subscribers, SubscriberListener listener) {
        InetAddress local = locals.isEmpty() ? null : locals.get(index % locals.size());
        return new NettyTunnel(
                group.next(), tunnelId, config, subscribers, listener, lns, local, encoder, decoder, random);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
