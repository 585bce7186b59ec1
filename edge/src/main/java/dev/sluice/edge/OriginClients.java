package dev.sluice.edge;

import dev.sluice.edge.origin.PullOrigin;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.io.ClientConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pooled jetty-client per pull-zone origin, so that each origin has its own connect timeout
 * and connection bound (jetty-client sets both per client). Clients are created at a site's first
 * miss and kept until the edge stops; sites sharing an origin's address and settings share its
 * pool. Thread-safe.
 */
final class OriginClients implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OriginClients.class);

    private record PoolKey(String scheme, String authority, Duration connectTimeout, int maxConnections) {}

    private final Duration idleTimeout;
    private final ConcurrentHashMap<PoolKey, HttpClient> clients = new ConcurrentHashMap<>();

    OriginClients(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** The started client for the origin. */
    HttpClient client(PullOrigin origin) {
        PoolKey key = new PoolKey(
                origin.url().getScheme(),
                origin.url().getRawAuthority(),
                origin.connectTimeout(),
                origin.maxConnections());
        HttpClient existing = clients.get(key);
        return existing != null ? existing : clients.computeIfAbsent(key, this::start);
    }

    private HttpClient start(PoolKey key) {
        ClientConnector connector = new ClientConnector();
        connector.setTCPNoDelay(true);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setConnectTimeout(key.connectTimeout().toMillis());
        client.setIdleTimeout(idleTimeout.toMillis());
        client.setMaxConnectionsPerDestination(key.maxConnections());
        client.setMaxRequestsQueuedPerDestination(64 * 1024);
        client.setFollowRedirects(false); // redirects are the client's to follow
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // never carry one client's cookies to another
        client.setUserAgentField(null); // the client's own User-Agent is forwarded
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("origin client for " + key.authority() + " did not start", e);
        }
        // Installed at start: the edge wants pure pass-through (no decoding, redirects or auth).
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();
        return client;
    }

    @Override
    public void close() {
        for (HttpClient c : clients.values()) {
            try {
                c.stop();
            } catch (Exception e) {
                LOG.warn("stopping origin client failed", e);
            }
        }
        clients.clear();
    }
}
