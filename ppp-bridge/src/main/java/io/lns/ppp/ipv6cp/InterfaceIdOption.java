package io.lns.ppp.ipv6cp;

import io.lns.ppp.fsm.OptionHandler;
import io.lns.ppp.fsm.OptionVerdict;
import java.nio.ByteBuffer;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Interface-Identifier (RFC 5072 §4.1). We request a random non-zero 64-bit identifier. A peer
 * identifier that is zero or equal to ours is Nak'ed with a fresh random one, different from ours.
 * A non-zero identifier the peer Naks ours with is taken (RFC 5072: it SHOULD be used if acceptable);
 * a zero or malformed suggestion makes us pick a fresh random one.
 */
public final class InterfaceIdOption implements OptionHandler {
    private final LongSupplier random;
    private long ours;
    private boolean rejected;
    private Long acked;
    private Long peers;

    public InterfaceIdOption(LongSupplier random) {
        this.random = random;
        this.ours = fresh(0);
    }

    private long fresh(long avoid) {
        long id;
        do {
            id = random.getAsLong();
        } while (id == 0 || id == avoid);
        return id;
    }

    @Override
    public int type() {
        return Ipv6cp.INTERFACE_IDENTIFIER;
    }

    @Override
    public byte[] requestValue() {
        return rejected ? null : u64(ours);
    }

    @Override
    public void acked(byte[] value) {
        acked = u64(value);
    }

    @Override
    public void naked(byte[] value) {
        long suggested = value.length == 8 ? u64(value) : 0;
        ours = suggested != 0 ? suggested : fresh(ours);
    }

    @Override
    public void rejected() {
        rejected = true;
    }

    @Override
    public OptionVerdict check(byte[] value) {
        if (value.length != 8) {
            return OptionVerdict.REJECT;
        }
        long theirs = u64(value);
        if (theirs == 0 || theirs == ours) {
            return OptionVerdict.nak(u64(fresh(ours)));
        }
        return OptionVerdict.ACK;
    }

    @Override
    public void peerAcked(byte[] value) {
        peers = u64(value);
    }

    @Override
    public void reset() {
        rejected = false;
        acked = null;
        peers = null;
    }

    /** Our identifier once the peer acknowledged it. */
    public OptionalLong ours() {
        return acked == null ? OptionalLong.empty() : OptionalLong.of(acked);
    }

    /** The peer's identifier once we acknowledged it. */
    public OptionalLong peers() {
        return peers == null ? OptionalLong.empty() : OptionalLong.of(peers);
    }

    static long u64(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }
}
