package io.lns.server.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A UDP relay on loopback that loses, duplicates and reorders datagrams in both directions. Each
 * client gets its own upstream socket, so the server sees one peer address per client, as it would
 * across a real network.
 */
final class LossyRelay implements AutoCloseable {
    private final DatagramChannel front;
    private final InetSocketAddress server;
    private final double loss;
    private final double duplication;
    private final int maxDelayMillis;
    private final Random random = new Random(2661);
    private final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
    private final Map<SocketAddress, DatagramChannel> upstream = new ConcurrentHashMap<>();
    private final Thread frontReader;
    private volatile boolean open = true;

    LossyRelay(InetSocketAddress listen, InetSocketAddress server, double loss, double duplication, int maxDelayMillis)
            throws IOException {
        this.server = server;
        this.loss = loss;
        this.duplication = duplication;
        this.maxDelayMillis = maxDelayMillis;
        this.front = DatagramChannel.open(StandardProtocolFamily.INET).bind(listen);
        this.frontReader = Thread.ofPlatform().daemon().name("relay-front").start(this::readFront);
    }

    InetSocketAddress address() throws IOException {
        return (InetSocketAddress) front.getLocalAddress();
    }

    private void readFront() {
        ByteBuffer buf = ByteBuffer.allocate(65536);
        while (open) {
            try {
                buf.clear();
                SocketAddress client = front.receive(buf);
                buf.flip();
                DatagramChannel up = upstream.computeIfAbsent(client, this::openUpstream);
                forward(copy(buf), up, server);
            } catch (IOException e) {
                return;
            }
        }
    }

    private DatagramChannel openUpstream(SocketAddress client) {
        try {
            DatagramChannel up = DatagramChannel.open(StandardProtocolFamily.INET)
                    .bind(new InetSocketAddress(((InetSocketAddress) front.getLocalAddress()).getAddress(), 0));
            Thread.ofPlatform().daemon().name("relay-up").start(() -> {
                ByteBuffer buf = ByteBuffer.allocate(65536);
                while (open) {
                    try {
                        buf.clear();
                        up.receive(buf);
                        buf.flip();
                        forward(copy(buf), front, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return up;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void forward(ByteBuffer datagram, DatagramChannel via, SocketAddress to) {
        int copies;
        synchronized (random) {
            if (random.nextDouble() < loss) return;
            copies = random.nextDouble() < duplication ? 2 : 1;
        }
        for (int i = 0; i < copies; i++) {
            int delay;
            synchronized (random) {
                delay = random.nextInt(maxDelayMillis + 1);
            }
            ByteBuffer d = datagram.duplicate();
            delays.schedule(
                    () -> {
                        try {
                            via.send(d, to);
                        } catch (IOException ignored) {
                            // closed while shutting down
                        }
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocate(b.remaining());
        c.put(b).flip();
        return c;
    }

    @Override
    public void close() throws IOException {
        open = false;
        delays.shutdownNow();
        front.close();
        for (DatagramChannel up : upstream.values()) up.close();
    }
}
