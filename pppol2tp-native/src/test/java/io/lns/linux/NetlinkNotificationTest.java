package io.lns.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Group membership and {@link Netlink#receive} on the host, with rtnetlink's link group standing in
 * for genl {@code l2tp} (which only the VM has): a TUN device created in a private namespace is
 * announced, and a request on the same socket still gets its own answer.
 */
class NetlinkNotificationTest {
    private static final int RTNLGRP_LINK = 1;

    @Test
    void aJoinedGroupsNotificationsArriveAndRequestsStillWork() throws Exception {
        try (NetNamespace namespace = TestNamespaces.create("nlgrp")) {
            namespace.call(() -> {
                try (Netlink netlink = Netlink.open(Netlink.NETLINK_ROUTE, Duration.ofSeconds(2))) {
                    netlink.joinGroup(RTNLGRP_LINK, "RTNLGRP_LINK");
                    assertThat(netlink.receive(Duration.ZERO, 16).messages()).isEmpty();

                    try (TunDevice tun = TunDevice.open("grp%d", 1)) {
                        List<NetlinkMessage> seen = new ArrayList<>();
                        long deadline =
                                System.nanoTime() + Duration.ofSeconds(5).toNanos();
                        while (seen.isEmpty() && System.nanoTime() - deadline < 0) {
                            seen.addAll(
                                    netlink.receive(Duration.ofMillis(200), 16).messages());
                        }
                        assertThat(seen).extracting(NetlinkMessage::type).contains(RtNetlinkMessages.RTM_NEWLINK);
                        assertThat(seen).allSatisfy(m -> assertThat(m.seq()).isZero());

                        // A request skips any notifications queued ahead of its answer.
                        assertThat(netlink.request(RtNetlinkMessages.getLink(tun.name())))
                                .singleElement()
                                .extracting(NetlinkMessage::type)
                                .isEqualTo(RtNetlinkMessages.RTM_NEWLINK);
                    }
                }
                return null;
            });
        }
    }
}
