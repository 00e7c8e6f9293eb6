package io.lns.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.config.Config;
import io.lns.config.ConfigLoader;
import io.lns.l2tp.avp.CallManagementAvps.AssignedSessionId;
import io.lns.l2tp.avp.CallManagementAvps.CallSerialNumber;
import io.lns.l2tp.avp.ControlConnectionAvps.AssignedTunnelId;
import io.lns.l2tp.avp.ControlConnectionAvps.FramingCapabilities;
import io.lns.l2tp.avp.ControlConnectionAvps.HostName;
import io.lns.l2tp.avp.ControlConnectionAvps.ProtocolVersion;
import io.lns.l2tp.avp.MessageAvps.ResultCode;
import io.lns.l2tp.message.ControlMessage;
import io.lns.l2tp.message.ControlMessageType;
import io.lns.l2tp.message.ResultCodes;
import io.lns.linux.L2tpGenl;
import io.lns.linux.L2tpSessionInfo;
import io.lns.linux.L2tpStats;
import io.lns.server.daemon.DataPlanes;
import io.lns.server.daemon.LnsServer;
import io.lns.server.e2e.PppdLac.Dialer;
import io.lns.server.transport.RawLac;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel data path against the reference PPP implementation, on a real kernel (runs in the VM:
 * {@code scripts/vm-tests}). lns runs in this JVM in the root namespace; a namespace of the test's
 * own, joined by a veth pair, holds xl2tpd as the LAC with a real pppd per call (or the load
 * tester). The subscribers' packets must cross lns's {@code pppN} interfaces in the kernel and never
 * enter the JVM.
 */
@Tag("vm")
class KernelPathVmTest {
    private static final String LNS = "10.251.0.1";
    private static final String LAC = "10.251.0.2";
    private static final String GATEWAY = "100.64.0.1";
    /** lns names each session's interface after its L2TP ids. */
    private static final Pattern LNS_INTERFACE =
            Pattern.compile("(?m)^\\d+: (s\\d+-\\d+)\\s+inet " + Pattern.quote(GATEWAY) + " peer ([0-9.]+)/32");

    @TempDir
    Path dir;

    private final String ns = "vmlac-" + ProcessHandle.current().pid();
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private LnsServer lns;
    /** One xl2tpd per subscriber, each on its own address: see {@link #dial}. */
    private final Map<String, PppdLac> lacs = new LinkedHashMap<>();

    @BeforeEach
    void lan() throws Exception {
        sh("ip", "netns", "add", ns);
        sh("ip", "link", "add", "vm-lns", "type", "veth", "peer", "name", "vm-lac", "netns", ns);
        sh("ip", "addr", "add", LNS + "/24", "dev", "vm-lns");
        sh("ip", "link", "set", "vm-lns", "up");
        sh("ip", "-n", ns, "addr", "add", LAC + "/24", "dev", "vm-lac");
        sh("ip", "-n", ns, "link", "set", "vm-lac", "up");
        sh("ip", "-n", ns, "link", "set", "lo", "up");
        Files.writeString(dir.resolve("users.yaml"), users());
    }

    @AfterEach
    void tearDown() throws Exception {
        for (PppdLac lac : lacs.values()) lac.close();
        if (lns != null) stopLns();
        PppdLac.output("ip", "link", "del", "vm-lns");
        PppdLac.output("ip", "netns", "del", ns);
    }

    private static String users() {
        StringBuilder u = new StringBuilder("users:\n")
                .append("  papuser: {password: pap-secret, routes: [198.51.100.0/24]}\n")
                .append("  chapuser: {password: chap-secret}\n")
                .append("  msuser: {password: ms-secret}\n");
        for (int i = 1; i <= 100; i++) u.append("  load").append(i).append(": {password: load-secret}\n");
        return u.toString();
    }

    private static final List<Dialer> THREE = List.of(
            new Dialer("pap", "papuser", "pap-secret", "pap"),
            new Dialer("chap", "chapuser", "chap-secret", "chap"),
            new Dialer("ms", "msuser", "ms-secret", "mschapv2"));

    @Test
    void pppdDialsInWithPapChapAndMsChapV2AndItsPacketsStayInTheKernel() throws Exception {
        Map<String, String> fdsBefore = openFds();
        startLns("kernel", "none");
        for (Dialer d : THREE) dial(d);
        Map<String, String> addresses = awaitSubscribers(THREE);

        Map<String, String> lnsSide = lnsInterfaces();
        assertThat(lnsSide.values())
                .as("each pppd address is the peer of one lns interface")
                .containsExactlyInAnyOrderElementsOf(addresses.values());
        for (String address : addresses.values()) {
            assertThat(ping(null, null, address))
                    .as("ping " + address + " from lns")
                    .isTrue();
        }
        String papInterface = lnsSide.entrySet().stream()
                .filter(e -> e.getValue().equals(addresses.get("pap")))
                .findFirst()
                .orElseThrow()
                .getKey();
        assertThat(PppdLac.output("ip", "route", "show", "198.51.100.0/24"))
                .as("papuser's route from the users file")
                .contains("dev " + papInterface);
        for (Dialer d : THREE) {
            assertThat(ping(ns, PppdLac.pppInterface(d.name()), GATEWAY))
                    .as("ping the gateway from " + d.name())
                    .isTrue();
        }

        try (L2tpGenl genl = L2tpGenl.open()) {
            List<L2tpSessionInfo> sessions = genl.sessions();
            assertThat(sessions).hasSize(3);
            for (L2tpSessionInfo s : sessions) {
                assertThat(s.lnsMode()).isTrue();
                assertThat(s.stats().rxPackets()).as("kernel rx of " + s).isPositive();
                assertThat(s.stats().txPackets()).as("kernel tx of " + s).isPositive();
            }
        }
        assertThat(sum("lns_data_packets"))
                .as("packets that crossed lns's userspace")
                .isZero();
        assertThat(sum("lns_kernel_data_packets"))
                .as("packets the kernel carried")
                .isPositive();
        assertThat(lns.status()).anySatisfy(line -> assertThat(line).contains("data path kernel"));

        // LCP echo (every second) keeps every session up
        double echoes = count("lns_ppp_echo_rtt");
        Thread.sleep(4000);
        assertThat(count("lns_ppp_echo_rtt")).isGreaterThanOrEqualTo(echoes + 6);
        assertThat(gauge("lns_subscribers_up")).isEqualTo(3);

        // the subscriber hangs up: LCP Terminate from pppd, then xl2tpd's CDN
        String papAddress = addresses.get("pap");
        lacs.get("pap").hangUpPppd("pap");
        await("pap's session ends", 30, () -> gauge("lns_subscribers_up") == 2 && gauge("lns_kernel_sessions") == 2);
        await("pap's interface goes", 10, () -> !lnsInterfacesQuietly().containsValue(papAddress));
        assertThat(PppdLac.output("ip", "route", "show", "198.51.100.0/24")).isBlank();
        assertThat(gauge("lns_kernel_ppp_units")).isEqualTo(2);

        // lns stops (what SIGTERM does): StopCCN to both tunnels left, and nothing of them remains
        stopLns();
        assertNothingLeft();
        await("pppd sees the link go", 30, () -> addressQuietly("chap") == null && addressQuietly("ms") == null);
        for (PppdLac lac : lacs.values()) lac.close(); // the JVM holds a pipe per live child process
        lacs.clear();
        assertThat(openFds()).as("lns's fds after it stopped").isEqualTo(fdsBefore);
    }

    @Test
    void sequencingRequiredIsCarriedOutByBothKernels() throws Exception {
        startLns("kernel", "require");
        List<Dialer> one = THREE.subList(0, 1);
        dial(one.get(0));
        String address = awaitSubscribers(one).get("pap");
        assertThat(ping(null, null, address)).isTrue();
        assertThat(ping(ns, null, GATEWAY)).isTrue();
        L2tpStats kernel;
        try (L2tpGenl genl = L2tpGenl.open()) {
            L2tpSessionInfo s = genl.sessions().get(0);
            assertThat(s.sendSeq()).isTrue();
            assertThat(s.recvSeq()).isTrue();
            kernel = s.stats();
            // The LAC's kernel starts sequencing when it sees our first sequenced frame; what pppd sent
            // before that (its first LCP Configure-Request, say) the kernel discards in LNS mode, and
            // PPP's restart timer resends it. Anything more would mean sequencing broke.
            assertThat(kernel.rxSeqDiscards()).isLessThanOrEqualTo(3);
            assertThat(kernel.rxPackets()).isPositive();
        }
        // lns exports the kernel's discards as they are (a scrape dumps the sessions at most once a second)
        await("the discards in lns's metrics", 5, () -> dataErrors("rx_seq_discard") == kernel.rxSeqDiscards());
        lacs.get("pap").disconnect("pap"); // xl2tpd clears the tunnel: StopCCN
        await("tunnel gone", 90, () -> lns.admission().tunnels() == 0);
        assertNothingLeft();
        // The ended session's final counters replace its last dumped ones: counted once, not twice (a
        // few LCP echoes and the Terminate came after the snapshot above).
        assertThat(dataErrors("rx_seq_discard")).isEqualTo(kernel.rxSeqDiscards());
        await("the final counters in lns's metrics", 5, () -> kernelPackets("from_subscriber") >= kernel.rxPackets());
        assertThat(kernelPackets("from_subscriber")).isLessThan(kernel.rxPackets() + 15);
    }

    @Test
    void theTunPathServesTheSamePeers() throws Exception {
        startLns("tun", "none");
        List<Dialer> one = THREE.subList(1, 2);
        dial(one.get(0));
        String address = awaitSubscribers(one).get("chap");
        assertThat(ping(null, null, address)).isTrue();
        assertThat(ping(ns, null, GATEWAY)).isTrue();
        assertThat(sum("lns_data_packets"))
                .as("the tun path carries data through lns")
                .isPositive();
        assertThat(gauge("lns_kernel_sessions")).isZero();
        stopLns();
        assertThat(PppdLac.output("ip", "link", "show")).doesNotContain("lns0");
    }

    @Test
    void hundredLoadtestSubscribersThroughTheKernelPathAnswerPings() throws Exception {
        // 100 Java PPP clients on the VM's emulated CPU can stall for seconds: echo every 5 s, not 1 s
        // (a session ended after 5 unanswered echoes at 1 s in one run)
        startLns("kernel", "none", "5s");
        Path report = dir.resolve("report.json");
        Process loadtest = java(
                dir.resolve("loadtest.log"),
                "loadtest",
                "--lns",
                LNS,
                "--tunnels",
                "4",
                "--sessions",
                "25",
                "--auth",
                "mix",
                "--user",
                "load%d",
                "--password",
                "load-secret",
                "--no-ipv6",
                "--ppp-timeout",
                "60",
                "--timeout",
                "60",
                "--hold",
                "40",
                "--teardown",
                "--json",
                report.toString());
        awaitQuietly(120, () -> gauge("lns_subscribers_up") == 100 || !loadtest.isAlive());
        assertThat(gauge("lns_subscribers_up"))
                .as(Files.readString(dir.resolve("loadtest.log")))
                .isEqualTo(100);
        Map<String, String> interfaces = lnsInterfaces();
        assertThat(interfaces).hasSize(100);
        List<String> unanswered = pingAll(interfaces.values());
        assertThat(unanswered)
                .as("subscribers not answering through their pppN")
                .isEmpty();
        assertThat(sum("lns_data_packets")).isZero();

        assertThat(loadtest.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(loadtest.exitValue())
                .as(Files.readString(dir.resolve("loadtest.log")))
                .isZero();
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        assertThat(r.at("/ppp/up").asLong()).isEqualTo(100);
        assertThat(r.at("/data/echo_requests_answered").asLong()).isGreaterThanOrEqualTo(100);
        await("teardown", 30, () -> gauge("lns_kernel_sessions") == 0);
        stopLns();
        assertNothingLeft();
    }

    @Test
    void aCallWhoseIccnNeverComesLeavesNothingInTheKernel() throws Exception {
        // A LAC that acknowledges our ICRP but never connects: the kernel session, PPPoL2TP socket
        // and channel fd made at ICRQ go when setup-timeout clears the call.
        startLns("kernel", "none", "1s", "3s");
        try (L2tpGenl genl = L2tpGenl.open();
                RawLac lac = new RawLac(new InetSocketAddress(LNS, 0), new InetSocketAddress(LNS, 1701))) {
            lac.send(
                    0,
                    0,
                    0,
                    0,
                    ControlMessageType.SCCRQ,
                    ProtocolVersion.RFC2661,
                    new HostName("never-connects"),
                    new FramingCapabilities(FramingCapabilities.SYNC),
                    new AssignedTunnelId(88));
            int tunnel = next(lac, ControlMessageType.SCCRP)
                    .find(AssignedTunnelId.class)
                    .orElseThrow()
                    .id();
            lac.send(tunnel, 0, 1, 1, ControlMessageType.SCCCN);
            await("the kernel tunnel", 10, () -> kernel(genl::tunnels) == 1);
            Map<String, String> fdsWithTunnel = openFds();

            lac.send(tunnel, 0, 2, 1, ControlMessageType.ICRQ, new AssignedSessionId(5), new CallSerialNumber(1));
            next(lac, ControlMessageType.ICRP);
            lac.write(ControlMessage.zlb(tunnel, 3, 2));
            assertThat(genl.sessions()).as("made at ICRQ").hasSize(1);
            assertThat(openFds().size()).as("its socket and channel").isEqualTo(fdsWithTunnel.size() + 2);

            ControlMessage cdn = next(lac, ControlMessageType.CDN);
            lac.write(ControlMessage.zlb(tunnel, 3, 3));
            assertThat(cdn.header().sessionId()).isEqualTo(5);
            assertThat(cdn.find(ResultCode.class).orElseThrow().result()).isEqualTo(ResultCodes.CDN_TIMEOUT);
            await("the kernel session deleted", 10, () -> kernel(genl::sessions) == 0);
            await("its fds closed", 10, () -> fdsWithTunnel.equals(openFdsQuietly()));
            assertThat(kernel(genl::tunnels)).as("the tunnel stays").isEqualTo(1);

            lac.send(
                    tunnel,
                    0,
                    3,
                    3,
                    ControlMessageType.StopCCN,
                    new AssignedTunnelId(88),
                    ResultCode.of(ResultCodes.STOPCCN_GENERAL_CLEAR));
        }
        stopLns();
        assertNothingLeft();
    }

    /** The next message of {@code type} from lns; ZLBs and retransmissions of earlier ones skipped. */
    private static ControlMessage next(RawLac lac, ControlMessageType type) throws Exception {
        for (int i = 0; i < 10; i++) {
            ControlMessage m = lac.receiveNonZlb();
            if (m.type().orElse(null) == type) return m;
        }
        throw new AssertionError("no " + type + " from lns");
    }

    private interface KernelDump {
        List<?> get() throws IOException;
    }

    private static int kernel(KernelDump dump) {
        try {
            return dump.get().size();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts an xl2tpd for {@code d} on a LAC address of its own and dials. One xl2tpd per subscriber:
     * an xl2tpd with several tunnels to one LNS in kernel mode lost its own sessions' packets in our
     * runs ("write_packet: tty is not open yet" in its log), whatever the LNS did.
     */
    private void dial(Dialer d) throws Exception {
        String address = "10.251.0." + (2 + lacs.size());
        if (!lacs.isEmpty()) sh("ip", "-n", ns, "addr", "add", address + "/24", "dev", "vm-lac");
        PppdLac lac = new PppdLac(ns, dir.resolve("lac-" + d.name()), address, LNS, List.of(d));
        lacs.put(d.name(), lac);
        lac.dial(d.name());
    }

    private void startLns(String dataplane, String sequencing) throws Exception {
        startLns(dataplane, sequencing, "1s");
    }

    private void startLns(String dataplane, String sequencing, String echoInterval) throws Exception {
        startLns(dataplane, sequencing, echoInterval, "60s");
    }

    private void startLns(String dataplane, String sequencing, String echoInterval, String setupTimeout)
            throws Exception {
        Path config = dir.resolve("lns.yaml");
        Files.writeString(config, """
                system:
                  listen-addresses: [%s]
                  host-name: lns-vm
                  users-file: %s
                  dataplane: %s
                  ppp-interface: "s{tunnel}-{session}"
                tunnel-profiles:
                  default: {setup-timeout: %s}
                session-profiles:
                  default: {sequencing: %s}
                ppp-profiles:
                  default:
                    pool: default
                    lcp-echo-interval: %s
                address-pools:
                  default: {ranges: [100.64.0.0/24], gateway: %s}
                """.formatted(
                        LNS, dir.resolve("users.yaml"), dataplane, setupTimeout, sequencing, echoInterval, GATEWAY));
        Config c = ConfigLoader.load(config);
        lns = LnsServer.create(
                c,
                List.of(new InetSocketAddress(LNS, 1701)),
                0,
                2,
                DataPlanes.create(dataplane, "lns0", c, registry),
                registry);
        lns.start();
    }

    private void stopLns() throws Exception {
        LnsServer l = lns;
        lns = null;
        l.shutdown(10_000);
        l.close();
    }

    /** No ppp interface of lns, no kernel tunnel or session in the genl dump. */
    private void assertNothingLeft() throws Exception {
        assertThat(lnsInterfaces()).isEmpty();
        assertThat(PppdLac.output("ip", "-o", "link", "show")).doesNotContainPattern("\\d+: s\\d+-\\d+:");
        try (L2tpGenl genl = L2tpGenl.open()) {
            await("kernel tunnels deleted", 10, () -> kernel(genl::tunnels) == 0 && kernel(genl::sessions) == 0);
        }
    }

    /** Waits for every dialer's pppd interface to get its address; returns dialer → address. */
    private Map<String, String> awaitSubscribers(List<Dialer> dialers) throws Exception {
        Map<String, String> addresses = new LinkedHashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (Dialer d : dialers) {
            String[] got = null;
            while (got == null && System.nanoTime() < deadline) {
                got = lacs.get(d.name()).addressAndPeer(d.name());
                if (got == null) Thread.sleep(250);
            }
            assertThat(got)
                    .as(d.name() + ": pppd got no address.\nxl2tpd:\n"
                            + lacs.get(d.name()).log() + "\npppd:\n"
                            + lacs.get(d.name()).pppdLog(d.name()))
                    .isNotNull();
            assertThat(got[1]).as("pppd's peer is the gateway").isEqualTo(GATEWAY);
            addresses.put(d.name(), got[0]);
        }
        await("lns counts them up", 10, () -> gauge("lns_subscribers_up") == dialers.size());
        // The LAC namespace stands for several subscribers' hosts: each answers from its own link
        // (lns's strict reverse-path filter drops a subscriber's address arriving on another's).
        int table = 100;
        for (var e : addresses.entrySet()) {
            table++;
            sh("ip", "-n", ns, "rule", "add", "from", e.getValue(), "table", Integer.toString(table));
            sh(
                    "ip",
                    "-n",
                    ns,
                    "route",
                    "add",
                    "default",
                    "dev",
                    PppdLac.pppInterface(e.getKey()),
                    "table",
                    Integer.toString(table));
        }
        return addresses;
    }

    private String addressQuietly(String name) {
        try {
            String[] a = lacs.get(name).addressAndPeer(name);
            return a == null ? null : a[0];
        } catch (Exception e) {
            return null;
        }
    }

    /** lns's ppp interfaces in the root namespace: name → subscriber address. */
    private static Map<String, String> lnsInterfaces() throws Exception {
        Matcher m = LNS_INTERFACE.matcher(PppdLac.output("ip", "-4", "-o", "addr", "show"));
        Map<String, String> found = new TreeMap<>();
        while (m.find()) found.put(m.group(1), m.group(2));
        return found;
    }

    private static Map<String, String> lnsInterfacesQuietly() {
        try {
            return lnsInterfaces();
        } catch (Exception e) {
            return Map.of();
        }
    }

    /** busybox ping (the host has no ping binary), from the root namespace or {@code namespace}. */
    private static boolean ping(String namespace, String device, String address) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (namespace != null) cmd.addAll(List.of("ip", "netns", "exec", namespace));
        cmd.addAll(List.of("busybox", "ping", "-c", "2", "-W", "5"));
        if (device != null) cmd.addAll(List.of("-I", device));
        cmd.add(address);
        return PppdLac.run(cmd).status() == 0;
    }

    /** ICMP echo to each address from this JVM (root: a raw socket); returns those that never answered. */
    private static List<String> pingAll(java.util.Collection<String> addresses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            Map<String, Future<Boolean>> answers = new LinkedHashMap<>();
            for (String a : addresses) {
                answers.put(a, pool.submit(() -> {
                    InetAddress target = InetAddress.getByName(a);
                    for (int i = 0; i < 3; i++) if (target.isReachable(3000)) return true;
                    return false;
                }));
            }
            List<String> unanswered = new ArrayList<>();
            for (var e : answers.entrySet()) if (!e.getValue().get(60, TimeUnit.SECONDS)) unanswered.add(e.getKey());
            return unanswered;
        } finally {
            pool.shutdownNow();
        }
    }

    private Process java(Path log, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String cp = System.getProperty("surefire.test.class.path", classPath());
        List<String> cmd = new ArrayList<>(List.of(
                "ip",
                "netns",
                "exec",
                ns,
                java,
                "--enable-native-access=ALL-UNNAMED",
                // as bin/lns runs the load tester: C1 only (C2's compiler threads cost more than they
                // save in a short run), and here the serial GC as for the tests' own JVM
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                cp,
                "io.lns.server.cli.LnsMain"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** The class path this test was loaded from (the console launcher loads it in a class loader of its own). */
    private String classPath() {
        if (getClass().getClassLoader() instanceof java.net.URLClassLoader loader) {
            List<String> paths = new ArrayList<>();
            for (java.net.URL url : loader.getURLs())
                paths.add(new File(java.net.URI.create(url.toString())).getPath());
            return String.join(File.pathSeparator, paths) + File.pathSeparator + System.getProperty("java.class.path");
        }
        return System.getProperty("java.class.path");
    }

    private double sum(String name) {
        double total = 0;
        for (Meter m : registry.find(name).meters()) {
            for (Measurement x : m.measure()) total += x.getValue();
        }
        return total;
    }

    private long dataErrors(String kind) {
        return (long) registry.get("lns_kernel_data_errors")
                .tag("kind", kind)
                .functionCounter()
                .count();
    }

    private long kernelPackets(String direction) {
        return (long) registry.get("lns_kernel_data_packets")
                .tag("direction", direction)
                .functionCounter()
                .count();
    }

    private double count(String timer) {
        var t = registry.find(timer).timer();
        return t == null ? 0 : t.count();
    }

    private double gauge(String name) {
        var g = registry.find(name).gauge();
        return g == null ? 0 : g.value();
    }

    /** This process's open fds but class-path jars (opened once, on first use): number → target. */
    private static Map<String, String> openFds() throws IOException {
        Map<String, String> fds = new TreeMap<>();
        File[] entries = new File("/proc/self/fd").listFiles();
        if (entries == null) return fds;
        for (File f : entries) {
            try {
                String target = Files.readSymbolicLink(f.toPath()).toString();
                if (!target.endsWith(".jar")) fds.put(f.getName(), target);
            } catch (IOException e) {
                // the listing's own fd, closed by now
            }
        }
        return fds;
    }

    private static Map<String, String> openFdsQuietly() {
        try {
            return openFds();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(100);
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out: " + what);
            Thread.sleep(100);
        }
    }

    private static void sh(String... cmd) throws Exception {
        PppdLac.Result r = PppdLac.run(List.of(cmd));
        if (r.status() != 0) throw new IOException(String.join(" ", cmd) + ": " + r.output());
    }
}
