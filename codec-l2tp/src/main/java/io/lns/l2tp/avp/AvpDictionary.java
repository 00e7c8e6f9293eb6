package io.lns.l2tp.avp;

import java.util.HashMap;
import java.util.Map;

/**
 * Maps (vendor id, attribute type) to the codec of each known AVP, and value classes back to
 * their descriptor for encoding. {@link #standard()} knows RFC 2661, RFC 3145 and RFC 5515;
 * further AVPs are added with {@link #builder()} without touching the codec core.
 */
public final class AvpDictionary {
    private static final AvpDictionary STANDARD =
            StandardAvps.registerAll(builder()).build();

    private final AvpDescriptor<?>[] ietf;
    private final Map<Long, AvpDescriptor<?>> byKey;
    private final Map<Class<?>, AvpDescriptor<?>> byClass;
    private final Map<Long, String> extraNames;

    private AvpDictionary(Builder b) {
        this.byKey = Map.copyOf(b.byKey);
        this.byClass = Map.copyOf(b.byClass);
        this.extraNames = Map.copyOf(b.extraNames);
        this.ietf = new AvpDescriptor<?>[256];
        for (AvpDescriptor<?> d : byKey.values()) {
            if (d.vendorId() == 0 && d.type() < ietf.length) ietf[d.type()] = d;
        }
    }

    public static AvpDictionary standard() {
        return STANDARD;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The descriptor for (vendor, type), or null when this dictionary does not type it. */
    public AvpDescriptor<?> find(int vendorId, int type) {
        if (vendorId == 0 && type < ietf.length) return ietf[type];
        return byKey.get(AvpDescriptor.key(vendorId, type));
    }

    /** The descriptor that encodes {@code value}'s class, or null. */
    public AvpDescriptor<?> forValueClass(Class<?> valueClass) {
        return byClass.get(valueClass);
    }

    /** A display name: the AVP's name, or a registered name for an untyped one, or its numbers. */
    public String name(int vendorId, int type) {
        AvpDescriptor<?> d = find(vendorId, type);
        if (d != null) return d.name();
        String extra = extraNames.get(AvpDescriptor.key(vendorId, type));
        if (extra != null) return extra;
        return vendorId == 0 ? "Unknown AVP " + type : "Vendor " + vendorId + " AVP " + type;
    }

    public static final class Builder {
        private final Map<Long, AvpDescriptor<?>> byKey = new HashMap<>();
        private final Map<Class<?>, AvpDescriptor<?>> byClass = new HashMap<>();
        private final Map<Long, String> extraNames = new HashMap<>();

        private Builder() {}

        public <V extends AvpValue> Builder add(
                int vendorId, int type, String name, Class<V> valueClass, boolean mandatory, AvpCodec<V> codec) {
            AvpDescriptor<V> d = new AvpDescriptor<>(vendorId, type, name, valueClass, codec, mandatory);
            if (byKey.putIfAbsent(d.key(), d) != null) {
                throw new IllegalArgumentException("AVP " + vendorId + "/" + type + " registered twice");
            }
            if (byClass.putIfAbsent(valueClass, d) != null) {
                throw new IllegalArgumentException(valueClass.getSimpleName() + " registered twice");
            }
            return this;
        }

        /** Names an AVP that is recognised for display but decoded raw. */
        public Builder name(int vendorId, int type, String name) {
            extraNames.put(AvpDescriptor.key(vendorId, type), name);
            return this;
        }

        public AvpDictionary build() {
            return new AvpDictionary(this);
        }
    }
}
