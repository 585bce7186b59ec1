package dev.sluice.core.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jspecify.annotations.Nullable;

/**
 * Tells addresses on this network from public ones: loopback, link-local (cloud metadata),
 * site-local (private), any-local, multicast and IPv6 unique-local (fc00::/7). Tenants may not make
 * the node connect to these (Quant proxies, CDN Pro webhooks): otherwise they could reach the node's
 * own management API or an internal service through it.
 */
public final class InternalAddresses {

    private InternalAddresses() {}

    /** Whether {@code a} is an address of this network rather than a public one. */
    public static boolean isInternal(InetAddress a) {
        return a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()
                || isUniqueLocal(a);
    }

    /**
     * The first internal address {@code host} resolves to now, or null when it resolves to public
     * addresses only or does not resolve at all (the connection will fail then).
     */
    public static @Nullable InetAddress firstInternal(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return null;
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return address;
            }
        }
        return null;
    }

    /** IPv6 fc00::/7, which {@link InetAddress#isSiteLocalAddress()} does not cover. */
    private static boolean isUniqueLocal(InetAddress a) {
        byte[] bytes = a.getAddress();
        return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
    }
}
