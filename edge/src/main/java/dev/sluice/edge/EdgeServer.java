package dev.sluice.edge;

import dev.sluice.cache.CacheStore;
import dev.sluice.content.ContentReader;
import dev.sluice.core.Clock;
import dev.sluice.edge.delivery.EdgeMetrics;
import dev.sluice.edge.origin.ContentOrigin;
import dev.sluice.edge.origin.ContentResponses;
import dev.sluice.edge.proxy.ProxyForwarder;
import dev.sluice.edge.proxy.PublicDestinations;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.SocketAddressResolver;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The edge: a Jetty server on the configured address running the pipeline, plus the jetty-client
 * that fetches proxied content and one pooled client per pull-zone origin. {@link #stop()} is graceful: the connector stops accepting, requests
 * in flight get up to the configured stop timeout to finish.
 */
public final class EdgeServer implements AutoCloseable {

    private final EdgeConfig config;
    private final Server server;
    private final ServerConnector connector;
    private final EdgeHandler handler;
    private final HttpClient client;
    private final OriginClients originClients;
    private final Fills fills;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();

    public EdgeServer(
            EdgeConfig config,
            SiteDirectory sites,
            CacheStore cache,
            ContentReader content,
            MeterRegistry registry,
            Clock clock) {
        this.config = config;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("sluice-edge");
        this.server = new Server(threads);
        this.client = httpClient(config);
        this.originClients = new OriginClients(config.originIdleTimeout());
        EdgeMetrics metrics = new EdgeMetrics(registry);
        ContentResponses responses = new ContentResponses(
                clock,
                config.contentTtl(),
                config.contentStaleWhileRevalidate(),
                config.contentStaleIfError(),
                config.notFoundTtl());
        this.fills = new Fills(cache, virtualThreads, metrics, clock);
        ProxyForwarder proxy = new ProxyForwarder(
                client, cache, virtualThreads, clock, metrics, config.maxCacheableBytes(), config.originTimeout());
        EdgeRuntime runtime = new EdgeRuntime(
                cache,
                fills,
                new ContentOrigin(content, responses, config.maxCacheableBytes()),
                proxy,
                new BlobStreamer(content, responses),
                new Refresher(cache, fills, proxy),
                originClients,
                virtualThreads,
                metrics,
                clock);
        this.handler = new EdgeHandler(runtime, sites);
        this.connector = connector(server, config);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(config.stopTimeout().toMillis());
    }

    /** Starts the origin client, then listens. */
    public void start() throws Exception {
        client.start();
        // jetty-client installs these at start: the edge wants pure pass-through (no gzip decoding,
        // no redirect or auth handling, no cookies remembered across clients).
        client.getContentDecoderFactories().clear();
        client.getProtocolHandlers().clear();
        server.start();
    }

    /** The bound port (the ephemeral one when configured with port 0); -1 before start. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Origin fills in flight (collapsed misses and background refreshes), for tests and metrics. */
    public int inflightFills() {
        return fills.inflight();
    }

    /** The configuration it runs with. */
    public EdgeConfig config() {
        return config;
    }

    /** Replaces the host to site directory; requests that started keep the one they saw. */
    public void sites(SiteDirectory directory) {
        handler.sites(directory);
    }

    /** The current host to site directory. */
    public SiteDirectory sites() {
        return handler.sites();
    }

    /** Stops accepting, lets requests in flight finish (up to the stop timeout), then stops. */
    public void stop() throws Exception {
        try {
            server.stop();
        } finally {
            try {
                client.stop();
                originClients.close();
            } finally {
                virtualThreads.shutdownNow();
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static HttpClient httpClient(EdgeConfig config) {
        ClientConnector connector = new ClientConnector();
        connector.setTCPNoDelay(true);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setConnectTimeout(config.originConnectTimeout().toMillis());
        client.setIdleTimeout(config.originIdleTimeout().toMillis());
        client.setMaxConnectionsPerDestination(config.maxConnectionsPerOrigin());
        client.setFollowRedirects(false); // redirects are the client's to follow
        client.setHttpCookieStore(new HttpCookieStore.Empty()); // never carry one client's cookies to another
        client.setUserAgentField(null); // the client's own User-Agent is forwarded
        if (!config.allowPrivateProxyDestinations()) {
            client.setSocketAddressResolver(new PublicDestinations(() -> new SocketAddressResolver.Async(
                    client.getExecutor(), client.getScheduler(), client.getAddressResolutionTimeout())));
        }
        return client;
    }

    private static ServerConnector connector(Server server, EdgeConfig config) {
        HttpConfiguration http = new HttpConfiguration();
        // Paths with "//" reach the handlers (ContentPaths collapses them); encoded "/" and ".."
        // stay refused, as in Jetty's default.
        http.setUriCompliance(
                UriCompliance.DEFAULT.with("sluice-edge", UriCompliance.Violation.AMBIGUOUS_EMPTY_SEGMENT));
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setAcceptedTcpNoDelay(true);
        return connector;
    }
}
