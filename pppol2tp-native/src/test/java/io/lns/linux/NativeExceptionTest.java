package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NativeExceptionTest {
    @Test
    void messageNamesTheOperationTheErrnoAndItsMeaning() {
        NativeException e = new NativeException("ioctl(TUNSETIFF, lns0)", 16);

        assertThat(e).hasMessage("ioctl(TUNSETIFF, lns0): EBUSY (Device or resource busy)");
        assertThat(e.errno()).isEqualTo(Errno.EBUSY);
        assertThat(e.errnoName()).isEqualTo("EBUSY");
        assertThat(e.operation()).isEqualTo("ioctl(TUNSETIFF, lns0)");
    }

    @Test
    void kernelDetailIsAppended() {
        NativeException e = new NativeException("RTM_NEWROUTE(add 10.0.0.1/8 index 3)", 22, "Invalid prefix");

        assertThat(e).hasMessageEndingWith("EINVAL (Invalid argument): Invalid prefix");
        assertThat(e.detail()).isEqualTo("Invalid prefix");
    }

    @Test
    void unknownErrnoStillReadsSensibly() {
        assertThat(Errno.name(4000)).isEqualTo("errno 4000");
        assertThat(Errno.name(0)).isEqualTo("errno 0");
        assertThat(Errno.name(Errno.EAFNOSUPPORT)).isEqualTo("EAFNOSUPPORT");
        assertThat(Errno.name(Errno.ENOBUFS)).isEqualTo("ENOBUFS");
    }
}
