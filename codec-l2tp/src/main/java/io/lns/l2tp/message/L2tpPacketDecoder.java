package io.lns.l2tp.message;

import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.Avp;
import io.lns.l2tp.avp.AvpDescriptor;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.avp.AvpValue;
import io.lns.l2tp.avp.InvalidValue;
import io.lns.l2tp.avp.MessageAvps.RandomVector;
import io.lns.l2tp.header.L2tpHeaderReader;
import io.lns.l2tp.hidden.TunnelSecret;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one L2TPv2 datagram into an {@link L2tpPacket}. The buffer's indexes are not moved and
 * it is not released; a {@link DataMessage} holds a retained slice of it.
 */
public final class L2tpPacketDecoder {
    private final AvpDictionary dictionary;

    public L2tpPacketDecoder(AvpDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public static L2tpPacketDecoder standard() {
        return new L2tpPacketDecoder(AvpDictionary.standard());
    }

    /** Decodes with no tunnel secret: hidden AVPs stay {@link InvalidValue}s until {@link #reveal}. */
    public L2tpPacket decode(ByteBuf datagram) throws L2tpDecodeException {
        return decode(datagram, null);
    }

    /** Decodes, revealing hidden AVPs with {@code secret} when it is not null. */
    public L2tpPacket decode(ByteBuf datagram, TunnelSecret secret) throws L2tpDecodeException {
        L2tpHeaderReader reader = new L2tpHeaderReader();
        reader.read(datagram);
        int base = datagram.readerIndex();
        if (!reader.control()) {
            return new DataMessage(
                    reader.toHeader(), datagram.retainedSlice(base + reader.headerLength(), reader.payloadLength()));
        }
        List<Avp> avps = AvpListDecoder.decode(
                datagram, base, base + reader.headerLength(), base + reader.messageLength(), dictionary, secret);
        return new ControlMessage(reader.toHeader(), avps);
    }

    /**
     * Reveals the hidden AVPs of a message decoded without a secret, once the tunnel (and so its
     * secret) is known. AVPs that are not waiting for a secret are returned unchanged.
     */
    public ControlMessage reveal(ControlMessage message, TunnelSecret secret) {
        List<Avp> out = new ArrayList<>(message.avps().size());
        byte[] randomVector = null;
        boolean changed = false;
        for (Avp avp : message.avps()) {
            AvpValue value = avp.value();
            if (!avp.hidden() && value instanceof RandomVector rv)
                randomVector = rv.value().unsafeArray();
            if (avp.hidden()
                    && value instanceof InvalidValue iv
                    && iv.problem() == InvalidValue.Problem.HIDDEN_NO_SECRET) {
                AvpDescriptor<?> d = dictionary.find(avp.vendorId(), avp.type());
                value = AvpListDecoder.reveal(d, iv.raw(), randomVector, secret);
                changed = true;
                avp = new Avp(avp.mandatory(), true, avp.reservedBits(), avp.vendorId(), avp.type(), value);
            }
            out.add(avp);
        }
        return changed ? new ControlMessage(message.header(), out) : message;
    }
}
