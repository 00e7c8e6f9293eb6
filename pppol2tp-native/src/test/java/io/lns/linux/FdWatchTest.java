package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.jna.Memory;
import io.netty.channel.IoEventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.unix.FileDescriptor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The epoll bridge with plain fds (an eventfd, a pipe); TunDeviceTest covers TUN queues. */
class FdWatchTest {
    private static MultiThreadIoEventLoopGroup group;

    @BeforeAll
    static void startLoop() {
        assumeThat(Platform.unsupportedReason()).as("platform").isNull();
        group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoop() {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void eventfdBecomesReadableOnTheLoopThread() throws Exception {
        int efd = Sys.check(Sys.libc().eventfd(0, LibC.EFD_NONBLOCK | LibC.EFD_CLOEXEC), "eventfd");
        FileDescriptor fd = new FileDescriptor(efd);
        IoEventLoop loop = group.next();
        BlockingQueue<Long> counts = new LinkedBlockingQueue<>();
        ByteBuffer eight = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        FdWatch watch = FdWatch.register(loop, fd, () -> {
                    assertThat(loop.inEventLoop()).isTrue();
                    eight.clear();
                    if (fd.read(eight, 0, 8) == 8) { // an eventfd read returns and resets the counter
                        counts.add(eight.getLong(0));
                    }
                })
                .get(5, TimeUnit.SECONDS);
        try {
            assertThat(watch.isActive()).isTrue();
            addToEventfd(efd, 3);

            assertThat(counts.poll(5, TimeUnit.SECONDS)).isEqualTo(3L);

            addToEventfd(efd, 4);
            assertThat(counts.poll(5, TimeUnit.SECONDS)).isEqualTo(4L);
        } finally {
            watch.close();
            fd.close();
        }
        assertThat(watch.isActive()).isFalse();
    }

    @Test
    void noCallbackAfterClose() throws Exception {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        IoEventLoop loop = group.next();
        AtomicInteger calls = new AtomicInteger();
        FdWatch watch = FdWatch.register(loop, pipe[0], calls::incrementAndGet).get(5, TimeUnit.SECONDS);
        try {
            loop.submit(watch::close).get(5, TimeUnit.SECONDS);
            writeByte(pipe[1]);
            // Two full loop turns with the pipe readable: a live watch would have been called.
            loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
            loop.submit(() -> {}).get(5, TimeUnit.SECONDS);

            assertThat(calls).hasValue(0);
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void pipeHangUpIsDeliveredAsReadableAndTheReadSeesEndOfStream() throws Exception {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        IoEventLoop loop = group.next();
        BlockingQueue<Integer> reads = new LinkedBlockingQueue<>();
        ByteBuffer buffer = ByteBuffer.allocateDirect(16);
        FdWatch[] self = new FdWatch[1];
        self[0] = FdWatch.register(loop, pipe[0], () -> {
                    int n = pipe[0].read(buffer, 0, 16);
                    if (n < 0) {
                        self[0].close();
                    }
                    reads.add(n);
                })
                .get(5, TimeUnit.SECONDS);
        try {
            writeByte(pipe[1]);
            assertThat(reads.poll(5, TimeUnit.SECONDS)).isEqualTo(1);

            pipe[1].close();

            assertThat(reads.poll(5, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(self[0].isActive()).isFalse();
        } finally {
            self[0].close();
            pipe[0].close();
        }
    }

    @Test
    void aThrowingHandlerIsReportedAndClosedSoItCannotSpinTheLoop() throws Exception {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        IoEventLoop loop = group.next();
        BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
        AtomicInteger calls = new AtomicInteger();
        FdWatch watch = FdWatch.register(loop, pipe[0], new FdWatch.Handler() {
                    @Override
                    public void onReadable() {
                        calls.incrementAndGet();
                        throw new IllegalStateException("boom");
                    }

                    @Override
                    public void onFailure(FdWatch watch, Throwable failure) {
                        failures.add(failure);
                        FdWatch.Handler.super.onFailure(watch, failure);
                    }
                })
                .get(5, TimeUnit.SECONDS);
        try {
            writeByte(pipe[1]); // never read, so the fd stays readable

            assertThat(failures.poll(5, TimeUnit.SECONDS)).hasMessage("boom");
            loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
            loop.submit(() -> {}).get(5, TimeUnit.SECONDS);
            assertThat(calls).hasValue(1);
            assertThat(watch.isActive()).isFalse();
        } finally {
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void writableInterestReportsAWritablePipe() throws Exception {
        FileDescriptor[] pipe = FileDescriptor.pipe();
        IoEventLoop loop = group.next();
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        FdWatch watch = FdWatch.register(loop, pipe[1], new FdWatch.Handler() {
                    @Override
                    public void onReadable() {}

                    @Override
                    public void onWritable() {
                        events.add("writable");
                    }
                })
                .get(5, TimeUnit.SECONDS);
        try {
            loop.submit(() -> watch.setWritableInterest(true)).get(5, TimeUnit.SECONDS);

            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("writable");

            loop.submit(() -> watch.setWritableInterest(false)).get(5, TimeUnit.SECONDS);
        } finally {
            watch.close();
            pipe[0].close();
            pipe[1].close();
        }
    }

    @Test
    void refusesANonEpollLoop() {
        MultiThreadIoEventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThatThrownBy(() -> FdWatch.register(nio.next(), new FileDescriptor(0), () -> {}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not an epoll event loop");
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private static void addToEventfd(int efd, long value) throws NativeException {
        Memory memory = new Memory(8);
        memory.setLong(0, value);
        Sys.check(Sys.libc().write(efd, memory, 8), "write(eventfd)");
    }

    private static void writeByte(FileDescriptor fd) throws Exception {
        ByteBuffer one = ByteBuffer.allocateDirect(1);
        one.put(0, (byte) 1);
        assertThat(fd.write(one, 0, 1)).isEqualTo(1);
    }
}
