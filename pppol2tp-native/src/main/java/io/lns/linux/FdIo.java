package io.lns.linux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.unix.Errors;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * One read or write on a non-blocking fd through Netty's JNI ({@link FileDescriptor}), straight on a
 * direct buffer's native memory: no JNA call, copy or allocation per packet. Shared by {@link
 * TunQueue} and {@link PppFd}, which differ only in what a short result means to them.
 */
final class FdIo {
    /** {@link #read}'s result when the fd reported end of file (read returned 0). */
    static final int EOF = -1;

    private FdIo() {}

    /**
     * Reads once into {@code buffer}'s writable space and advances its writer index.
     *
     * @param useAddress false takes the NIO-view path that direct buffers without a native address need
     * @return the bytes read; 0 when the fd would block (EAGAIN); {@link #EOF} at end of file
     * @throws IllegalArgumentException if the buffer is not direct
     */
    static int read(FileDescriptor fd, ByteBuf buffer, boolean useAddress, String operation) throws NativeException {
        int writerIndex = buffer.writerIndex();
        int writable = buffer.writableBytes();
        int n;
        try {
            if (useAddress) {
                n = fd.readAddress(buffer.memoryAddress(), writerIndex, writerIndex + writable);
            } else {
                ByteBuffer nio = direct(buffer).internalNioBuffer(writerIndex, writable);
                n = fd.read(nio, nio.position(), nio.limit());
            }
        } catch (IOException e) {
            throw translate(operation, e);
        }
        if (n > 0) {
            buffer.writerIndex(writerIndex + n);
            return n;
        }
        return n < 0 ? EOF : 0; // Netty maps read() == 0 to -1 and EAGAIN to 0
    }

    /**
     * Writes {@code buffer}'s readable bytes once; indices are left as they are.
     *
     * @return the bytes written, 0 when the fd would block (EAGAIN)
     */
    static int write(FileDescriptor fd, ByteBuf buffer, boolean useAddress, String operation) throws NativeException {
        int readerIndex = buffer.readerIndex();
        int length = buffer.readableBytes();
        try {
            if (useAddress) {
                return fd.writeAddress(buffer.memoryAddress(), readerIndex, readerIndex + length);
            }
            ByteBuffer nio = direct(buffer).internalNioBuffer(readerIndex, length);
            return fd.write(nio, nio.position(), nio.limit());
        } catch (IOException e) {
            throw translate(operation, e);
        }
    }

    private static ByteBuf direct(ByteBuf buffer) {
        if (!buffer.isDirect() || buffer.nioBufferCount() != 1) {
            throw new IllegalArgumentException("fd I/O needs a direct, single-chunk buffer: " + buffer);
        }
        return buffer;
    }

    static NativeException translate(String operation, IOException e) {
        if (e instanceof NativeException native_) {
            return native_;
        }
        if (e instanceof Errors.NativeIoException nativeIo) {
            NativeException translated = new NativeException(operation, -nativeIo.expectedErr());
            translated.initCause(e);
            return translated;
        }
        // FileDescriptor only throws NativeIoException; anything else is a Netty change we must see.
        throw new UncheckedIOException(operation, e);
    }
}
