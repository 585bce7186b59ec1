package dev.sluice.edge.proxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.jspecify.annotations.Nullable;

/**
 * The address resolver of the Quant proxies' client: resolves as usual, then keeps only public
 * addresses, so a tenant's proxy cannot reach the node itself (its metrics, its API), the cloud's
 * metadata service or the private network. The check is on the resolved addresses, at connect
 * time, so a name that resolves to a private address is refused as well as a literal one.
 * Refused: loopback, link-local (169.254/16, fe80::/10), site-local and private (10/8, 172.16/12,
 * 192.168/16, fec0::/10, fc00::/7), carrier-grade NAT (100.64/10), any-local and multicast.
 */
public final class PublicDestinations implements SocketAddressResolver {

    private final Supplier<SocketAddressResolver> factory;
    private volatile @Nullable SocketAddressResolver resolver;

    /** @param factory makes the real resolver at first use (jetty-client makes its executor at start) */
    public PublicDestinations(Supplier<SocketAddressResolver> factory) {
        this.factory = factory;
    }

    private SocketAddressResolver resolver() {
        SocketAddressResolver r = resolver;
        if (r == null) {
            r = factory.get(); // a race makes two equivalent resolvers; either will do
            resolver = r;
        }
        return r;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        resolver().resolve(host, port, context, new Promise<>() {
            @Override
            public void succeeded(List<InetSocketAddress> addresses) {
                List<InetSocketAddress> allowed = addresses.stream()
                        .filter(a -> a.getAddress() != null && isPublic(a.getAddress()))
                        .toList();
                if (allowed.isEmpty()) {
                    promise.failed(new RefusedException(host));
                } else {
                    promise.succeeded(allowed);
                }
            }

            @Override
            public void failed(Throwable x) {
                promise.failed(x);
            }
        });
    }

    /** Whether a proxy may connect to the address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isLinkLocalAddress()
                || a.isSiteLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return !((b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64); // shared 100.64/10
    }

    /** A destination refused because none of its addresses is public. */
    public static final class RefusedException extends java.io.IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String host) {
            super("proxy destination " + host + ": not a public address (refused)");
        }
    }
}
