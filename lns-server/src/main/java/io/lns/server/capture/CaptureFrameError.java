package io.lns.server.capture;

import java.time.Instant;
import java.util.Objects;

/**
 * A frame that carries UDP but could not be decoded (fragmented, truncated by the snapshot length,
 * malformed), or damage in the file itself (a truncated file, a corrupt block length). In the latter
 * case it is the last record the reader returns.
 *
 * @param frameNumber the frame concerned; for damage outside a packet, the number the next frame
 *     would have had
 * @param timestamp capture time, or {@code null} if unknown
 * @param reason one line, human readable
 */
public record CaptureFrameError(long frameNumber, Instant timestamp, String reason) implements CaptureRecord {

    public CaptureFrameError {
        Objects.requireNonNull(reason, "reason");
    }
}
