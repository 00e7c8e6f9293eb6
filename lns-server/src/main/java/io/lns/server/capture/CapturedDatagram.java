package io.lns.server.capture;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A UDP datagram found in a capture.
 *
 * @param frameNumber Wireshark-style frame number (1-based, counts every packet in the file)
 * @param timestamp capture time, or {@code null} if unknown (see {@link CaptureRecord#timestamp()})
 * @param source source address and UDP port
 * @param destination destination address and UDP port
 * @param payload UDP payload (a private copy; the accessor returns a fresh copy)
 */
public record CapturedDatagram(
        long frameNumber, Instant timestamp, InetSocketAddress source, InetSocketAddress destination, byte[] payload)
        implements CaptureRecord {

    public CapturedDatagram {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** Number of payload bytes, without copying them. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedDatagram d
                && frameNumber == d.frameNumber
                && Objects.equals(timestamp, d.timestamp)
                && source.equals(d.source)
                && destination.equals(d.destination)
                && Arrays.equals(payload, d.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(frameNumber, timestamp, source, destination, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "CapturedDatagram[frame " + frameNumber + ", " + timestamp + ", " + source + " -> " + destination + ", "
                + payload.length + " bytes]";
    }
}
