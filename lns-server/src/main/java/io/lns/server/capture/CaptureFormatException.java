package io.lns.server.capture;

import java.nio.file.Path;

/** The file is not a capture file this reader understands, or its file/section header is damaged. */
public final class CaptureFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;
    private final String reason;

    public CaptureFormatException(Path file, long offset, String reason) {
        super(file + ": at byte offset " + offset + ": " + reason);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the file name and offset. */
    public String reason() {
        return reason;
    }
}
