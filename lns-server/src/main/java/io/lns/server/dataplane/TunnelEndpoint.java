package io.lns.server.dataplane;

/**
 * A tunnel as a data plane sees it.
 *
 * @param localTunnelId our tunnel id
 * @param peerTunnelId the LAC's tunnel id
 * @param socketFd the tunnel's own UDP socket, connected to the LAC; -1 when the transport has no
 *     native socket (NIO)
 * @param ipv6 whether the tunnel runs over IPv6
 */
public record TunnelEndpoint(int localTunnelId, int peerTunnelId, int socketFd, boolean ipv6) {}
