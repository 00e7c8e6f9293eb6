package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Links, addresses and routes on a TUN device inside a namespace of the test's own. */
class RtNetlinkTest {
    private static NetNamespace namespace;
    private TunDevice tun;
    private RtNetlink rt;

    @BeforeAll
    static void createNamespace() throws Exception {
        namespace = TestNamespaces.create("rt");
    }

    @AfterAll
    static void deleteNamespace() throws Exception {
        if (namespace != null) {
            namespace.close();
        }
    }

    @BeforeEach
    void openDevice() throws Exception {
        namespace.call(() -> {
            tun = TunDevice.open("rt%d", 1);
            rt = RtNetlink.open();
            return null;
        });
    }

    @AfterEach
    void closeDevice() {
        if (rt != null) {
            rt.close();
        }
        if (tun != null) {
            tun.close();
        }
    }

    @Test
    void findsTheDeviceByNameAndInTheLinkDump() throws Exception {
        assertThat(rt.linkIndex(tun.name())).isEqualTo(tun.ifIndex());
        assertThat(rt.links()).extracting(RtNetlink.Link::name).contains("lo", tun.name());
    }

    @Test
    void unknownNameIsEnodev() {
        assertThatThrownBy(() -> rt.linkIndex("nosuch0"))
                .isInstanceOfSatisfying(
                        NativeException.class, e -> assertThat(e.errnoName()).isEqualTo("ENODEV"))
                .hasMessageContaining("RTM_GETLINK(nosuch0)");
    }

    @Test
    void setsMtuAndBringsTheLinkUpAndDown() throws Exception {
        rt.setMtu(tun.ifIndex(), 1400);
        rt.setLinkUp(tun.ifIndex(), true);

        RtNetlink.Link link = rt.link(tun.name());
        assertThat(link.mtu()).isEqualTo(1400);
        assertThat(link.up()).isTrue();

        rt.setLinkUp(tun.ifIndex(), false);
        assertThat(rt.link(tun.name()).up()).isFalse();
    }

    @Test
    void renamesALinkThatIsDown() throws Exception {
        // Kernel 6.1 refuses a rename while up (EBUSY, kernel/FACTS.md §8); 6.2+ allows it. Down works on both.
        rt.renameLink(tun.ifIndex(), "renamed0");

        assertThat(rt.linkIndex("renamed0")).isEqualTo(tun.ifIndex());
        assertThatThrownBy(() -> rt.linkIndex(tun.name())).isInstanceOf(NativeException.class);
    }

    @Test
    void pointToPointAddressRecordsThePeerAndRoutesToIt() throws Exception {
        Inet4Address local = v4("10.88.0.1");
        Inet4Address peer = v4("10.88.0.2");
        rt.setLinkUp(tun.ifIndex(), true);

        rt.addPeerAddress(tun.ifIndex(), local, peer);

        assertThat(rt.addresses(tun.ifIndex()))
                .filteredOn(a -> a.local() instanceof Inet4Address)
                .containsExactly(new RtNetlink.Address(tun.ifIndex(), local, peer, 32));
        assertThat(rt.routes()).contains(new RtNetlink.Route(peer, 32, tun.ifIndex()));

        assertThatThrownBy(() -> rt.addPeerAddress(tun.ifIndex(), local, peer))
                .isInstanceOfSatisfying(
                        NativeException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));

        rt.deleteAddress(tun.ifIndex(), local, 32);
        assertThat(rt.addresses(tun.ifIndex())).noneMatch(a -> a.local().equals(local));
    }

    @Test
    void addsAndDeletesIpv4Routes() throws Exception {
        Inet4Address prefix = v4("10.99.0.0");
        rt.setLinkUp(tun.ifIndex(), true);

        rt.addRoute(prefix, 16, tun.ifIndex());
        assertThat(rt.routes()).contains(new RtNetlink.Route(prefix, 16, tun.ifIndex()));

        assertThatThrownBy(() -> rt.addRoute(prefix, 16, tun.ifIndex()))
                .isInstanceOfSatisfying(
                        NativeException.class, e -> assertThat(e.errnoName()).isEqualTo("EEXIST"));
        rt.replaceRoute(prefix, 16, tun.ifIndex());

        rt.deleteRoute(prefix, 16, tun.ifIndex());
        assertThat(rt.routes()).doesNotContain(new RtNetlink.Route(prefix, 16, tun.ifIndex()));

        assertThatThrownBy(() -> rt.deleteRoute(prefix, 16, tun.ifIndex()))
                .isInstanceOfSatisfying(
                        NativeException.class, e -> assertThat(e.errnoName()).isEqualTo("ESRCH"));
    }

    @Test
    void hostBitsInARoutePrefixAreRefusedWithTheKernelsReason() throws Exception {
        rt.setLinkUp(tun.ifIndex(), true);

        assertThatThrownBy(() -> rt.addRoute(v4("10.99.0.1"), 16, tun.ifIndex()))
                .isInstanceOfSatisfying(NativeException.class, e -> {
                    assertThat(e.errnoName()).isEqualTo("EINVAL");
                    assertThat(e.detail()).as("extended ack").isNotBlank();
                });
    }

    @Test
    void routeToADownLinkIsRefused() throws Exception {
        assertThatThrownBy(() -> rt.addRoute(v4("10.99.0.0"), 16, tun.ifIndex()))
                .isInstanceOfSatisfying(
                        NativeException.class, e -> assertThat(e.errnoName()).isEqualTo("ENETDOWN"))
                .hasMessageContaining("RTM_NEWROUTE(add 10.99.0.0/16 index " + tun.ifIndex() + ")");
    }

    @Test
    void addsAndDeletesIpv6Routes() throws Exception {
        InetAddress prefix = InetAddress.getByName("2001:db8:77::");
        rt.setLinkUp(tun.ifIndex(), true);

        rt.addRoute(prefix, 48, tun.ifIndex());
        assertThat(rt.routes()).contains(new RtNetlink.Route(prefix, 48, tun.ifIndex()));

        rt.deleteRoute(prefix, 48, tun.ifIndex());
        assertThat(rt.routes()).doesNotContain(new RtNetlink.Route(prefix, 48, tun.ifIndex()));
    }

    @Test
    void deleteLinkRemovesTheDevice() throws Exception {
        rt.deleteLink(tun.ifIndex());

        assertThat(rt.links()).extracting(RtNetlink.Link::name).doesNotContain(tun.name());
    }

    @Test
    void deleteGroupRemovesEveryLinkOfTheGroupAndNoOther() throws Exception {
        int group = 0x4c4e0fff;
        TunDevice second = namespace.call(() -> TunDevice.open("rt%d", 1));
        TunDevice bystander = namespace.call(() -> TunDevice.open("rt%d", 1));
        try {
            rt.setGroup(tun.ifIndex(), group);
            rt.setGroup(second.ifIndex(), group);

            rt.deleteGroup(group);

            assertThat(rt.links())
                    .extracting(RtNetlink.Link::name)
                    .doesNotContain(tun.name(), second.name())
                    .contains(bystander.name());
            assertThatThrownBy(() -> rt.deleteGroup(group))
                    .as("an empty group")
                    .isInstanceOfSatisfying(
                            NativeException.class,
                            e -> assertThat(e.errnoName()).isEqualTo("ENODEV"));
        } finally {
            second.close();
            bystander.close();
        }
    }

    private static Inet4Address v4(String text) throws Exception {
        return (Inet4Address) InetAddress.getByName(text);
    }
}
