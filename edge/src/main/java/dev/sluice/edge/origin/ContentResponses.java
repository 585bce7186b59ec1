package dev.sluice.edge.origin;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.Published;
import dev.sluice.core.Clock;
import dev.sluice.core.http.HttpDates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the in-memory responses for content-store objects. Stored custom headers are sent as they
 * are, except {@code content-type} (sent from the revision's type) and {@code cache-keys}, which
 * becomes the object's tags and never reaches clients; headers the edge computes itself are dropped.
 */
public final class ContentResponses {

    /** The tag every 404 carries, so a change of {@code /_quant404} can purge them all. */
    public static final String NOT_FOUND_TAG = ContentPaths.NOT_FOUND_TAG;

    private static final String TEXT = "text/plain; charset=utf-8";
    private static final Set<String> COMPUTED = Set.of(
            "content-type",
            "cache-keys",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "etag",
            "age",
            "last-modified",
            "date",
            "accept-ranges",
            "content-range",
            "cache-status");
    private static final byte[] NOT_FOUND_BODY = "Not Found\n".getBytes(StandardCharsets.UTF_8);

    private final Clock clock;
    private final Duration ttl;
    private final Duration staleWhileRevalidate;
    private final Duration staleIfError;
    private final Duration notFoundTtl;

    public ContentResponses(
            Clock clock, Duration ttl, Duration staleWhileRevalidate, Duration staleIfError, Duration notFoundTtl) {
        this.clock = clock;
        this.ttl = ttl;
        this.staleWhileRevalidate = staleWhileRevalidate;
        this.staleIfError = staleIfError;
        this.notFoundTtl = notFoundTtl;
    }

    /** A published page or file with its body. */
    public CachedResponse page(Published.Page page, byte[] body) {
        return pageLike(200, page, body, tags(page.headers()), ttl);
    }

    /** The site's {@code /_quant404} page served as the 404 body. */
    public CachedResponse notFoundPage(Published.Page page, byte[] body) {
        return pageLike(404, page, body, Set.of(NOT_FOUND_TAG), notFoundTtl);
    }

    /** The plain 404 of a site without a {@code /_quant404} page. */
    public CachedResponse notFound() {
        List<Header> headers = List.of(new Header("Content-Type", TEXT));
        return build(404, headers, NOT_FOUND_BODY, null, null, -1, Set.of(NOT_FOUND_TAG), notFoundTtl);
    }

    /** A redirect: its status, Location and a one-line body. */
    public CachedResponse redirect(Published.Redirect redirect) {
        byte[] body = ("Redirecting to " + redirect.location() + "\n").getBytes(StandardCharsets.UTF_8);
        List<Header> headers = List.of(new Header("Location", redirect.location()), new Header("Content-Type", TEXT));
        return build(redirect.status(), headers, body, null, null, -1, Set.of(), ttl);
    }

    private CachedResponse pageLike(int status, Published.Page page, byte[] body, Set<String> tags, Duration life) {
        boolean compressible = Compression.compressible(page.contentType());
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Content-Type", page.contentType()));
        headers.add(new Header("Last-Modified", HttpDates.format(page.modifiedEpochSeconds())));
        for (Map.Entry<String, String> e : page.headers().entrySet()) {
            if (!COMPUTED.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(new Header(e.getKey(), e.getValue()));
            }
        }
        if (compressible) {
            headers.add(new Header("Vary", "Accept-Encoding"));
        }
        byte[] gzip = compressible ? Compression.gzip(body) : null;
        String etag = status == 200 ? "\"" + page.md5() + "\"" : null;
        return build(status, headers, body, gzip, etag, page.modifiedEpochSeconds(), tags, life);
    }

    private CachedResponse build(
            int status,
            List<Header> headers,
            byte[] body,
            byte @Nullable [] gzip,
            @Nullable String etag,
            long lastModified,
            Set<String> tags,
            Duration life) {
        return new CachedResponse(
                status,
                List.copyOf(headers),
                body,
                gzip,
                etag,
                lastModified,
                tags,
                clock.nanoTime(),
                0,
                life.toNanos(),
                status == 404 ? 0 : staleWhileRevalidate.toNanos(), // a 404 must end on time: content may appear
                status == 404 ? 0 : staleIfError.toNanos());
    }

    /** The tags a stored {@code cache-keys} header gives (space separated). */
    static Set<String> tags(Map<String, String> headers) {
        Set<String> tags = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase("cache-keys")) {
                for (String t : e.getValue().trim().split("\\s+", -1)) {
                    if (!t.isEmpty()) {
                        tags.add(t);
                    }
                }
            }
        }
        return Set.copyOf(tags);
    }
}
