package io.lns.server.transport;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.MessageAvps.MessageType;
import io.lns.l2tp.header.L2tpHeader;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.l2tp.message.L2tpPacketEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * A LAC that is one UDP socket, for tests that choose every Ns and Nr it sends: no reliable channel
 * of its own, so it retransmits, acknowledges or stays silent only when told.
 */
public final class RawLac implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress lns;

    /** On 127.0.0.1. */
    public RawLac(InetSocketAddress lns) throws IOException {
        this(new InetSocketAddress("127.0.0.1", 0), lns);
    }

    public RawLac(InetSocketAddress local, InetSocketAddress lns) throws IOException {
        this.lns = lns;
        this.socket = new DatagramSocket(local);
        socket.setSoTimeout(5000);
    }

    public void send(int tunnelId, int sessionId, int ns, int nr, ControlMessageType type, AvpValue... values)
            throws IOException {
        List<Avp> avps = new ArrayList<>();
        avps.add(Avp.of(MessageType.of(type)));
        for (AvpValue v : values) avps.add(Avp.of(v));
        write(new ControlMessage(L2tpHeader.control(tunnelId, sessionId, ns, nr), avps));
    }

    public void write(ControlMessage m) throws IOException {
        ByteBuf out = Unpooled.buffer();
        L2tpPacketEncoder.standard().encode(m, out);
        byte[] bytes = ByteBufUtil.getBytes(out);
        socket.send(new DatagramPacket(bytes, bytes.length, lns));
    }

    /** The next message from the LNS that is not a ZLB (waiting at most 5 s for each datagram). */
    public ControlMessage receiveNonZlb() throws IOException, L2tpDecodeException {
        for (int i = 0; i < 10; i++) {
            DatagramPacket p = new DatagramPacket(new byte[2048], 2048);
            socket.receive(p);
            ControlMessage m = (ControlMessage)
                    L2tpPacketDecoder.standard().decode(Unpooled.wrappedBuffer(p.getData(), 0, p.getLength()));
            if (!m.isZlb()) return m;
        }
        throw new AssertionError("only ZLBs from the LNS");
    }

    @Override
    public void close() {
        socket.close();
    }
}
