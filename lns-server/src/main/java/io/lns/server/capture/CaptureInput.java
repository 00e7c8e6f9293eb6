package io.lns.server.capture;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A buffered, forward-only view of the capture file that knows its byte position. */
final class CaptureInput implements Closeable {
    private static final int BUFFER_SIZE = 1 << 16;

    private final InputStream in;
    private final byte[] scratch = new byte[8192];
    private long position;

    CaptureInput(Path file) throws IOException {
        this.in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE);
    }

    /** Byte offset of the next byte to be read. */
    long position() {
        return position;
    }

    /** Reads {@code len} bytes unless the file ends first; returns how many were read. */
    int readUpTo(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int n = in.read(b, off + total, len - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        position += total;
        return total;
    }

    /**
     * Discards {@code len} bytes unless the file ends first; returns how many were discarded. Reads
     * rather than seeks, so that the end of the file is noticed.
     */
    long skipUpTo(long len) throws IOException {
        long total = 0;
        while (total < len) {
            int n = readUpTo(scratch, 0, (int) Math.min(scratch.length, len - total));
            if (n == 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
