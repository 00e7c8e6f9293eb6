package io.lns.server.capture;

import java.time.Instant;

/** One item read from a capture file: a UDP datagram, or a frame that could not be decoded. */
public sealed interface CaptureRecord permits CapturedDatagram, CaptureFrameError {

    /** Wireshark-style frame number: 1 for the first packet record/block in the file. */
    long frameNumber();

    /**
     * When the frame was captured, or {@code null} if the file does not say (pcapng Simple Packet
     * Blocks have no timestamp) or the timestamp is not representable.
     */
    Instant timestamp();
}
