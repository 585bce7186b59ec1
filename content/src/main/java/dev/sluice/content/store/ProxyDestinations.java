package dev.sluice.content.store;

import dev.sluice.core.SluiceException;
import dev.sluice.core.net.InternalAddresses;
import java.net.InetAddress;
import java.net.URI;

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
        InetAddress internal = InternalAddresses.firstInternal(host);
        if (internal != null) {
            throw SluiceException.badRequest("destination: %s is %s, an internal address (expected: a public origin)"
                    .formatted(host, internal.getHostAddress()));
        }
    }
}
