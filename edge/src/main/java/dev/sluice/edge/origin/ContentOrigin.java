package dev.sluice.edge.origin;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentReader;
import dev.sluice.content.Published;
import dev.sluice.core.SiteId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Resolves misses from Sluice's own content store: published pages and files (in memory up to the
 * cacheable size, streamed beyond it), redirects, proxies, and the site's 404 (its
 * {@code /_quant404} page when it has one). Blocking; runs on virtual threads.
 */
public final class ContentOrigin implements Origin {

    /** The site path whose published page is the body of every 404. */
    public static final String ERROR_PAGE = ContentPaths.NOT_FOUND_PAGE;

    private final ContentReader reader;
    private final ContentResponses responses;
    private final long maxCacheableBytes;

    public ContentOrigin(ContentReader reader, ContentResponses responses, long maxCacheableBytes) {
        this.reader = reader;
        this.responses = responses;
        this.maxCacheableBytes = maxCacheableBytes;
    }

    @Override
    public Fill resolve(CacheKey key) throws IOException {
        Published published = reader.published(key.site(), key.target());
        if (published == null) {
            return new Fill.Stored(notFound(key.site()));
        }
        return switch (published) {
            case Published.Page page when page.size() > maxCacheableBytes -> new Fill.Blob(page);
            case Published.Page page -> new Fill.Stored(responses.page(page, read(page)));
            case Published.Redirect redirect -> new Fill.Stored(responses.redirect(redirect));
            case Published.Proxy proxy ->
                new Fill.Forward(new ForwardTarget(
                        URI.create(proxy.destination()), proxy.basicAuthUser(), proxy.basicAuthPassword()));
        };
    }

    @Override
    public String kind() {
        return "content";
    }

    private CachedResponse notFound(SiteId site) throws IOException {
        if (reader.published(site, ERROR_PAGE) instanceof Published.Page page && page.size() <= maxCacheableBytes) {
            return responses.notFoundPage(page, read(page));
        }
        return responses.notFound();
    }

    private byte[] read(Published.Page page) throws IOException {
        try (InputStream in = reader.openBlob(page.md5())) {
            byte[] body = in.readNBytes((int) page.size() + 1);
            if (body.length != page.size()) {
                throw new IOException(
                        "blob %s: %d bytes (expected: %d)".formatted(page.md5(), body.length, page.size()));
            }
            return body;
        }
    }
}
