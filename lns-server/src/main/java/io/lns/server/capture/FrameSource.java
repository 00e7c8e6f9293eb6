package io.lns.server.capture;

import java.io.IOException;
import java.time.Instant;

/**
 * Walks the records of one capture format. After {@link #advance()} returns {@link Step#FRAME} the
 * fields describe the current packet; after {@link Step#ERROR}, {@link #error} says what is wrong.
 */
abstract sealed class FrameSource permits PcapSource, PcapngSource {

    enum Step {
        FRAME,
        ERROR,
        END
    }

    /** Largest record or block this reader accepts; anything bigger is taken as corruption. */
    static final int MAX_BLOCK_LENGTH = 16 * 1024 * 1024;

    /** Packet records/blocks seen so far, including the current one. */
    long frameCount;

    long frameNumber;
    Instant timestamp;
    int linkType;
    byte[] data = new byte[2048];
    int dataOffset;
    int capturedLength;
    long originalLength;
    String error;

    /** Set once the file cannot be read further; every later {@code advance()} returns END. */
    boolean finished;

    abstract Step advance() throws IOException;

    /** Reports damage that stops reading: the next frame number, no timestamp. */
    final Step fatal(String reason) {
        return fatal(frameCount + 1, null, reason);
    }

    final Step fatal(long frame, Instant ts, String reason) {
        finished = true;
        return frameError(frame, ts, reason);
    }

    final Step frameError(long frame, Instant ts, String reason) {
        frameNumber = frame;
        timestamp = ts;
        error = reason;
        return Step.ERROR;
    }

    final void ensureCapacity(int size) {
        if (data.length < size) {
            data = new byte[Math.max(size, Math.min(MAX_BLOCK_LENGTH + 64, data.length * 2))];
        }
    }
}
