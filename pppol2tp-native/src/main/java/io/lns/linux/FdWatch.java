package io.lns.linux;

import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * The native epoll bridge: puts any non-blocking fd (a TUN queue, a {@code /dev/ppp} channel or unit,
 * a pipe) on a Netty 4.2 epoll event loop, next to that loop's channels, through the IoHandle API. The
 * {@link Handler} runs on that loop, so state owned by the loop needs no locks.
 *
 * <p>Readiness is level-triggered: a handler may read a bounded batch and return, and it is called
 * again on the loop's next turn while data remains. Error and hang-up conditions are also delivered
 * as {@link Handler#onReadable()}, because the read that follows is what reports them (EOF or an
 * errno); a handler that sees one should {@link #close()} the watch, or it will be called again.
 *
 * <p>The watch does not own the fd: {@link #close()} only takes it off the loop. Close the watch
 * before closing the fd.
 */
public final class FdWatch implements AutoCloseable {
    private static final int EPOLLIN = EpollIoOps.EPOLLIN.value();
    private static final int EPOLLOUT = EpollIoOps.EPOLLOUT.value();
    private static final int EPOLLERR = EpollIoOps.EPOLLERR.value();
    private static final int EPOLLHUP = 0x10; // not in EpollIoOps; epoll reports it unasked
    private static final int EPOLLRDHUP = EpollIoOps.EPOLLRDHUP.value();
    private static final int READ_LIKE = EPOLLIN | EPOLLERR | EPOLLHUP | EPOLLRDHUP;

    /** Callbacks, always on the watch's event loop. */
    public interface Handler {
        /** The fd is readable, or has an error or hang-up that the next read will report. */
        void onReadable() throws Exception;

        /** The fd is writable again; only after {@link FdWatch#setWritableInterest(boolean) true}. */
        default void onWritable() throws Exception {}

        /**
         * A callback threw. The default closes the watch, so a failing fd cannot spin the loop; the
         * owner usually overrides this to log, count and tear its object down.
         */
        default void onFailure(FdWatch watch, Throwable failure) {
            watch.close();
        }
    }

    private final IoEventLoop loop;
    private final FileDescriptor fd;
    private final Handler handler;
    private volatile IoRegistration registration;
    private volatile boolean closed;
    private boolean wantWritable;

    private FdWatch(IoEventLoop loop, FileDescriptor fd, Handler handler) {
        this.loop = loop;
        this.fd = fd;
        this.handler = handler;
    }

    /**
     * Registers {@code fd} on {@code loop} for readability. The future completes (on the loop) once
     * the fd is armed; from then on {@code handler} is called on the loop.
     *
     * @param loop an event loop of a {@code MultiThreadIoEventLoopGroup} built with {@code
     *     EpollIoHandler.newFactory()}
     * @throws IllegalArgumentException if {@code loop} is not an epoll loop
     */
    public static Future<FdWatch> register(IoEventLoop loop, FileDescriptor fd, Handler handler) {
        if (!loop.isCompatible(EpollIoHandle.class)) {
            throw new IllegalArgumentException("not an epoll event loop: " + loop);
        }
        FdWatch watch = new FdWatch(loop, fd, handler);
        Promise<FdWatch> promise = loop.newPromise();
        loop.register(watch.new Handle()).addListener(future -> {
            if (!future.isSuccess()) {
                promise.setFailure(future.cause());
                return;
            }
            IoRegistration registration = (IoRegistration) future.getNow();
            watch.registration = registration;
            if (watch.closed) {
                registration.cancel(); // closed while the registration was in flight
                promise.setFailure(new IllegalStateException("watch closed before it was armed"));
                return;
            }
            try {
                registration.submit(EpollIoOps.EPOLLIN);
                promise.setSuccess(watch);
            } catch (RuntimeException e) {
                registration.cancel();
                promise.setFailure(e);
            }
        });
        return promise;
    }

    /**
     * Also asks for {@link Handler#onWritable()} (or stops asking): for a writer that found the fd
     * full and wants to know when it drains. Call on the loop.
     */
    public void setWritableInterest(boolean writable) {
        requireLoop();
        IoRegistration current = registration;
        if (closed || current == null || wantWritable == writable) {
            return;
        }
        wantWritable = writable;
        current.submit(writable ? EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT) : EpollIoOps.EPOLLIN);
    }

    public IoEventLoop loop() {
        return loop;
    }

    public FileDescriptor fd() {
        return fd;
    }

    /** True until {@link #close()} (or the loop's shutdown) ends the watch. */
    public boolean isActive() {
        IoRegistration current = registration;
        return !closed && current != null && current.isValid();
    }

    /** Takes the fd off the loop; no callback runs after this returns on the loop. Idempotent. */
    @Override
    public void close() {
        closed = true;
        IoRegistration current = registration;
        if (current != null) {
            current.cancel();
        }
    }

    private void requireLoop() {
        if (!loop.inEventLoop()) {
            throw new IllegalStateException("call on the watch's event loop " + loop);
        }
    }

    private void dispatch(int ready) {
        try {
            if ((ready & READ_LIKE) != 0 && !closed) {
                handler.onReadable();
            }
            if ((ready & EPOLLOUT) != 0 && !closed) {
                handler.onWritable();
            }
        } catch (Throwable t) {
            // Never let it reach the loop: Netty would log and pause the whole loop for a second.
            handler.onFailure(this, t);
        }
    }

    /** The IoHandle Netty sees; kept private so the public type has no Netty callbacks on it. */
    private final class Handle implements EpollIoHandle {
        @Override
        public FileDescriptor fd() {
            return fd;
        }

        @Override
        public void handle(IoRegistration registration, IoEvent event) {
            dispatch(((EpollIoEvent) event).ops().value());
        }

        @Override
        public void close() {
            // Called by Netty when the loop shuts down; the fd stays with its owner.
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "FdWatch[fd " + fd.intValue() + " on " + loop + (closed ? ", closed]" : "]");
    }
}
