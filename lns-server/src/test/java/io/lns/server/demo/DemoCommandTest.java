package io.lns.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lns.linux.NetNamespace;
import io.lns.server.cli.LnsMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code lns demo} as the README runs it, shortened: it must end with "demo OK" and exit 0. */
class DemoCommandTest {

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = LnsMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new String[] {Integer.toString(status), out.toString(), err.toString()};
    }

    @Test
    void withoutADataPlaneEverySubscriberComesUpAndLeaves() {
        String[] r = run("demo", "--dataplane", "none", "--subscribers", "40", "--seconds", "2");
        assertThat(r[1])
                .contains("data path none")
                .contains("subscribers:  40/40 with PPP up")
                .contains("40 assigned, 40 distinct, 0 duplicates")
                .contains("LNS after:    0 subscribers up, 0 addresses leased")
                .contains("demo OK");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
    }

    @Test
    void asRootThePingsCrossTheTunDeviceInANamespace() {
        String why = NetNamespace.unavailableReason();
        assumeTrue(why == null, why);
        String[] r = run("demo", "--dataplane", "tun", "--subscribers", "40", "--seconds", "3");
        assertThat(r[1]).contains("data path tun (in network namespace").contains("demo OK");
        assertThat(r[1]).containsPattern("pings: +120 sent to the gateway, 120 answered, 0 lost");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
    }

    @Test
    void refusesUnevenSplits() {
        assertThat(run("demo", "--subscribers", "10", "--tunnels", "3")[0]).isEqualTo("2");
    }
}
