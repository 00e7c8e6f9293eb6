package io.lns.loadtest.subscriber;

import io.lns.ppp.lcp.AuthProtocol;
import java.net.Inet4Address;

/**
 * A subscriber's PPP came up. Phase times are nanoseconds from the ICCN to the moment, or -1.
 *
 * @param index the global session index
 * @param user our user name
 * @param lcpUp ICCN → LCP opened
 * @param authDone ICCN → authentication succeeded (-1 when the LNS asked for none)
 * @param ipcpUp ICCN → IPCP opened
 * @param address the address IPCP gave us
 * @param gateway the LNS's own IPCP address, or null
 * @param dns whether a primary DNS server was given
 * @param authMethod the protocol the LNS asked for, or null
 * @param sendsProbes whether the subscriber now sends probes (and will report when done)
 */
public record SubscriberUp(
        long index,
        String user,
        long lcpUp,
        long authDone,
        long ipcpUp,
        Inet4Address address,
        Inet4Address gateway,
        boolean dns,
        AuthProtocol authMethod,
        boolean sendsProbes) {}
