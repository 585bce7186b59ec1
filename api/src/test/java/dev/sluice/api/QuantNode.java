package dev.sluice.api;

import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.content.ContentService;
import dev.sluice.control.QuantAuthenticator;
import dev.sluice.control.RateLimit;
import dev.sluice.control.RateLimiter;
import dev.sluice.control.Site;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.Tenant;
import dev.sluice.core.SiteId;
import dev.sluice.dialect.quant.QuantApi;
import dev.sluice.persistence.EmbeddedStore;
import dev.sluice.purge.LocalPurgeService;
import dev.sluice.purge.PurgeApplier;
import dev.sluice.purge.PurgeCommand;
import dev.sluice.purge.PurgeLog;
import dev.sluice.testing.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/**
 * A real single Sluice node for API tests: the embedded store in a temp directory, the memory cache,
 * the local purge engine on the store's purge log, and the API server on an ephemeral loopback port,
 * all on one manual clock. Sites: {@code acme/blog} (token {@code blog-token}), {@code acme/shop}
 * ({@code shop-token}), {@code acme/limited} ({@code limited-token}, 2 requests a minute) and the
 * seed documents' {@code example-customer/example-project} ({@code your-project-token}).
 */
final class QuantNode implements AutoCloseable {

    static final SiteId BLOG = new SiteId("acme", "blog");
    static final SiteId SHOP = new SiteId("acme", "shop");
    static final SiteId LIMITED = new SiteId("acme", "limited");
    static final SiteId EXAMPLE = new SiteId("example-customer", "example-project");

    final ManualClock clock = new ManualClock();
    final EmbeddedStore store;
    final MemoryCacheStore cache = new MemoryCacheStore(clock, 64L * 1024 * 1024);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final ApiServer server;
    final HttpClient http = HttpClient.newHttpClient();

    QuantNode(Path dataDir) throws IOException {
        this(dataDir, ApiServerConfig.DEFAULT_MAX_BODY_BYTES);
    }

    QuantNode(Path dataDir, long maxBodyBytes) throws IOException {
        store = EmbeddedStore.open(dataDir, clock, maxBodyBytes);
        SiteDirectory sites = SiteDirectory.of(
                Tenant.of(
                        "acme",
                        Site.builder(BLOG).quantToken("blog-token").build(),
                        Site.builder(SHOP).quantToken("shop-token").build(),
                        Site.builder(LIMITED)
                                .quantToken("limited-token")
                                .rateLimit(RateLimit.perMinute(2))
                                .build()),
                Tenant.of(
                        "example-customer",
                        Site.builder(EXAMPLE).quantToken("your-project-token").build()));
        LocalPurgeService purges = LocalPurgeService.following(store.purgeLog(), new PurgeApplier(cache));
        QuantApi quant = new QuantApi(
                store.contentService(), purges, new QuantAuthenticator(sites), new RateLimiter(clock, sites));
        server = new ApiServer(new ApiServerConfig("127.0.0.1", 0, maxBodyBytes), quant, registry, () -> "# metrics\n")
                .start();
    }

    ContentService content() {
        return store.contentService();
    }

    PurgeLog purgeLog() {
        return store.purgeLog();
    }

    /** Purges logged after the given sequence, as "MODE [matchers]". */
    List<String> purgesAfter(long seq) {
        return purgeLog().readAfter(seq, 1000).stream().map(QuantNode::describe).toList();
    }

    static String describe(PurgeCommand command) {
        return command.request().mode() + " "
                + command.request().matchers().stream()
                        .map(VendorApiNode::describe)
                        .toList();
    }

    URI uri(String path) {
        return LoopbackHttp.uri(server, path);
    }

    /** Sends the request and returns the reply with its body as text. */
    HttpResponse<String> send(HttpRequest request) {
        return LoopbackHttp.send(http, request);
    }

    /** A request builder for the path with the site's Quant credentials. */
    HttpRequest.Builder quant(String path, SiteId site, String token) {
        return HttpRequest.newBuilder(uri(path))
                .header("User-Agent", "Quant (+http://api.quantcdn.io)")
                .header("Quant-Customer", site.tenant())
                .header("Quant-Project", site.name())
                .header("Quant-Token", token)
                .header("Content-Type", "application/json");
    }

    /** A request builder as quant-cli sends it for {@code acme/blog}. */
    HttpRequest.Builder blog(String path) {
        return quant(path, BLOG, "blog-token");
    }

    @Override
    public void close() throws IOException {
        http.close();
        server.close();
        store.close();
    }
}
