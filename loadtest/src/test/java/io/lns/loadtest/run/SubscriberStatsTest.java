package io.lns.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.lns.loadtest.ip.Ipv4;
import io.lns.loadtest.lac.Failure;
import io.lns.loadtest.subscriber.SubscriberConfig;
import io.lns.loadtest.subscriber.SubscriberCounters;
import io.lns.loadtest.subscriber.SubscriberUp;
import io.lns.ppp.lcp.AuthProtocol;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's PPP and data sections from what subscribers report. */
class SubscriberStatsTest {
    private static final long MS = 1_000_000L;
    private static final Inet4Address A = Ipv4.toAddress(0x0A000001);
    private static final Inet4Address B = Ipv4.toAddress(0x0A000002);

    private static SubscriberUp up(long index, Inet4Address address, AuthProtocol method, boolean probes) {
        return new SubscriberUp(index, "user" + index, 2 * MS, 5 * MS, 9 * MS, address, B, true, method, probes);
    }

    @Test
    void countsAnAddressHandedOutWhileAnotherLiveSubscriberHoldsItAsADuplicate() {
        SubscriberStats s = new SubscriberStats(SubscriberConfig.defaults());
        s.up(SubscriberStats.key(1, 1), up(1, A, AuthProtocol.PAP, false));
        s.up(SubscriberStats.key(1, 2), up(2, A, AuthProtocol.PAP, false)); // A twice at once
        s.ended(SubscriberStats.key(1, 1));
        s.ended(SubscriberStats.key(1, 2));
        s.up(SubscriberStats.key(2, 1), up(3, A, AuthProtocol.CHAP_MD5, false)); // A again, freed: fine
        s.up(SubscriberStats.key(2, 2), up(4, null, null, false));
        s.ipv6Up();

        LoadReport.Ppp p = s.ppp(List.of(), SubscriberCounters.ZERO);
        assertThat(p.up()).isEqualTo(4);
        assertThat(p.ipv6Up()).isEqualTo(1);
        assertThat(p.addresses()).isEqualTo(new LoadReport.Addresses(3, 1, 1, 4));
        assertThat(p.authMethods())
                .containsEntry("PAP", 2L)
                .containsEntry("CHAP_MD5", 1L)
                .containsEntry("NONE", 1L);
        assertThat(p.lcpUpMs().p50()).isEqualTo(2.0);
        assertThat(p.authDoneMs().p99()).isEqualTo(5.0);
        assertThat(p.ipcpUpMs().count()).isEqualTo(4);
        assertThat(p.auth()).isEqualTo("any");
    }

    @Test
    void probesInFlightUntilEverySubscriberIsDoneOrGoneAndTheAllowanceCoversThem() {
        SubscriberConfig c = SubscriberConfig.defaults().toBuilder()
                .ping(SubscriberConfig.GATEWAY, 10, 20)
                .replyTimeout(Duration.ofMillis(500))
                .build();
        SubscriberStats s = new SubscriberStats(c);
        assertThat(s.probeAllowanceNanos()).isEqualTo(2000 * MS + 500 * MS + 2000 * MS);
        s.up(1, up(1, A, null, true));
        s.up(2, up(2, B, null, true));
        assertThat(s.probesInFlight()).isTrue();
        s.dataDone(1);
        assertThat(s.probesInFlight()).isTrue();
        s.ended(2);
        assertThat(s.probesInFlight()).isFalse();
        assertThat(new SubscriberStats(SubscriberConfig.defaults()).probeAllowanceNanos())
                .isZero();
    }

    @Test
    void theDataSectionSumsProbesAndRoundTripTimes() {
        SubscriberConfig c = SubscriberConfig.defaults().toBuilder()
                .ping(Ipv4.toAddress(0xC0000201), 1, 3)
                .udp(SubscriberConfig.GATEWAY, 7, 64, 1, 2)
                .build();
        SubscriberCounters one = new SubscriberCounters(
                10, 9, 1, 0, 0, 5, 0, 1, 0, 3, 2, 0, new long[] {4 * MS, 2 * MS}, 2, 1, 1, new long[] {3 * MS}, 4);
        SubscriberCounters total = one.plus(one);
        LoadReport.Data d = new SubscriberStats(c).data(total);

        assertThat(d.ping())
                .isEqualTo(
                        new LoadReport.Probe("192.0.2.1", 6, 4, 2, 0, d.ping().rttMs()));
        assertThat(d.ping().rttMs().p50()).isEqualTo(2.0);
        assertThat(d.ping().rttMs().max()).isEqualTo(4.0);
        assertThat(d.udp().target()).isEqualTo("gateway:7");
        assertThat(d.udp().lost()).isEqualTo(2);
        assertThat(d.udp().late()).isEqualTo(2);
        assertThat(d.spoofedSent()).isEqualTo(8);
        assertThat(d.echoRequestsAnswered()).isEqualTo(2);
    }

    @Test
    void theTableAndTheJsonShowThePppAndDataSections() throws Exception {
        SubscriberConfig c = SubscriberConfig.defaults().toBuilder()
                .ping(SubscriberConfig.GATEWAY, 1, 1)
                .build();
        SubscriberStats s = new SubscriberStats(c);
        s.up(1, up(1, A, AuthProtocol.MSCHAP_V2, true));
        LoadReport.Reason rejected = new LoadReport.Reason(
                "session setup", "PPP authentication: rejected by the LNS", "PPP_AUTH", null, null, 2, "");
        SubscriberCounters counters =
                new SubscriberCounters(10, 9, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, new long[] {MS}, 0, 0, 0, new long[0], 0);
        LoadReport.Setup setup = new LoadReport.Setup(1, 1, 0, 0, 0, LoadReport.Latency.of(new LatencyStats()));
        LoadReport r = new LoadReport(
                "lns:1701",
                1,
                1,
                1,
                0,
                false,
                false,
                setup,
                setup,
                0,
                1,
                List.of(rejected),
                List.of(),
                null,
                new LoadReport.Control(0, 0, 0, 0, 0, 0, 0, 0),
                s.ppp(List.of(rejected), counters),
                s.data(counters),
                1);

        StringWriter table = new StringWriter();
        ReportWriter.table(r, new PrintWriter(table));
        assertThat(table.toString())
                .contains("session latency: ICRQ -> IPCP up")
                .contains("PPP (--auth any): 1 up, 0 with IPv6CP, 2 authentication failures")
                .contains("addresses: 1 assigned, 1 distinct, 0 duplicates")
                .contains("ping gateway: 1 sent, 1 received, 0 lost")
                .contains("authentication failure x2: PPP authentication: rejected by the LNS");
        String json = ReportWriter.json(r);
        assertThat(json)
                .contains("\"ppp\"", "\"auth_failed\" : 2", "\"ipcp_up_ms\"", "\"duplicates\" : 0")
                .contains("\"data_messages\"", "\"spoofed_sent\" : 0", "\"rtt_ms\"");
        assertThat(Failure.of(Failure.Kind.PPP_AUTH, "timed out").key()).isEqualTo("PPP authentication: timed out");
    }
}
