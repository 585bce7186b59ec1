package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.core.Clock;
import dev.sluice.core.http.HttpDates;
import dev.sluice.edge.origin.Compression;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/** Turns a proxied response that {@link ProxyPolicy} allows into an in-memory cached response. */
final class ProxyResponses {

    private ProxyResponses() {}

    static CachedResponse build(int status, HttpFields in, byte[] body, ProxyPolicy.Decision d, Clock clock) {
        Set<String> listed = ProxyHeaders.connectionListed(in);
        List<Header> headers = new ArrayList<>();
        boolean hasVary = false;
        for (HttpField f : in) {
            if (ProxyHeaders.storable(f, listed)) {
                headers.add(new Header(f.getName(), f.getValue()));
                hasVary |= f.getHeader() == HttpHeader.VARY;
            }
        }
        String type = in.get(HttpHeader.CONTENT_TYPE);
        byte[] gzip = type != null && Compression.compressible(type) ? Compression.gzip(body) : null;
        if (gzip != null && !hasVary) {
            headers.add(new Header("Vary", "Accept-Encoding"));
        }
        String lastModified = in.get(HttpHeader.LAST_MODIFIED);
        return new CachedResponse(
                status,
                List.copyOf(headers),
                body,
                gzip,
                in.get(HttpHeader.ETAG),
                lastModified == null ? -1 : HttpDates.parse(lastModified),
                tags(in),
                clock.nanoTime(),
                d.ageSeconds(),
                TimeUnit.SECONDS.toNanos(d.ttlSeconds()),
                TimeUnit.SECONDS.toNanos(d.staleWhileRevalidateSeconds()),
                TimeUnit.SECONDS.toNanos(d.staleIfErrorSeconds()));
    }

    /**
     * Tags from the three tag headers, each split as its vendor defines it: Surrogate-Key (Fastly)
     * by spaces, Cache-Tag (Cloudflare) by commas with surrounding spaces trimmed, Cache-Keys
     * (Quant) by either.
     */
    static Set<String> tags(HttpFields in) {
        Set<String> tags = new LinkedHashSet<>();
        for (HttpField f : in) {
            String separators = switch (f.getLowerCaseName()) {
                case "surrogate-key" -> "\\s+";
                case "cache-tag" -> "\\s*,\\s*";
                case "cache-keys" -> "[\\s,]+";
                default -> null;
            };
            if (separators != null) {
                for (String t : f.getValue().trim().split(separators, -1)) {
                    if (!t.isEmpty()) {
                        tags.add(t);
                    }
                }
            }
        }
        return Set.copyOf(tags);
    }
}
