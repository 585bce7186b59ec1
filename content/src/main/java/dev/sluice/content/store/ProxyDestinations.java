package dev.sluice.content.store;

import dev.sluice.core.SluiceException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses Quant proxy destinations on this network: loopback, link-local (cloud metadata),
 * private, any-local and multicast addresses. Otherwise any tenant could publish the node's own
 * management API or an internal service to the world through the edge. A name that does not resolve
 * now is accepted; the edge checks the addresses again when it connects.
 */
final class ProxyDestinations {

    private ProxyDestinations() {}

    static void checkPublic(URI destination) {
        String host = destination.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw SluiceException.badRequest(
                        "destination: %s is %s, an internal address (expected: a public origin)"
                                .formatted(host, address.getHostAddress()));
            }
        }
    }

    static boolean isInternal(InetAddress a) {
        return a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()
                || isUniqueLocal(a);
    }

    /** IPv6 fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean isUniqueLocal(InetAddress a) {
        byte[] bytes = a.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
