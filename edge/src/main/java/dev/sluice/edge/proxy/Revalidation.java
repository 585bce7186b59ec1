package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import dev.sluice.core.Clock;
import dev.sluice.edge.origin.SiteCachePolicy;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * Freshens a stored response with a 304 (RFC 9111 section 4.3.4): the 304's header fields replace
 * the stored ones of the same name, the body stays, and freshness is decided again on the merged
 * fields. A 304 that repeats no caching field at all keeps the stored lifetime and windows (the
 * targeted fields it was first stored under are not kept with the copy), with its age reset by
 * the 304's Date and Age.
 */
final class Revalidation {

    private static final Set<String> FRESHNESS_FIELDS =
            Set.of("cache-control", "expires", "surrogate-control", "cdn-cache-control");
    private static final Set<String> NOT_MERGED = Set.of("content-length", "content-encoding", "transfer-encoding");

    private Revalidation() {}

    /** The refreshed copy, or null when the merged fields forbid storing it now. */
    static @Nullable CachedResponse refresh(
            CachedResponse cached,
            HttpFields notModified,
            SiteCachePolicy policy,
            long maxBytes,
            long now,
            Clock clock) {
        HttpFields merged = merge(cached, notModified);
        // Pull zones only (Quant proxies never revalidate), so variants may be kept.
        ProxyPolicy.Decision d = ProxyPolicy.decide(cached.status(), merged, false, false, policy, maxBytes, now, true);
        if (!carriesFreshness(notModified)) {
            d = keepLifetime(cached, d);
        }
        if (!d.store()) {
            return null;
        }
        CachedResponse built = ProxyResponses.build(cached.status(), merged, cached.body(), d, clock);
        boolean newTags = notModified.stream().anyMatch(f -> ProxyHeaders.TAG_HEADERS.contains(f.getLowerCaseName()));
        return new CachedResponse(
                built.status(),
                built.headers(),
                cached.body(),
                cached.gzipBody(),
                built.etag(),
                built.lastModifiedEpochSeconds(),
                newTags ? built.tags() : cached.tags(),
                built.storedAtNanos(),
                built.ageAtStoreSeconds(),
                built.ttlNanos(),
                built.staleWhileRevalidateNanos(),
                built.staleIfErrorNanos());
    }

    private static HttpFields merge(CachedResponse cached, HttpFields notModified) {
        HttpFields.Mutable m = HttpFields.build();
        Set<String> replaced = new HashSet<>();
        for (HttpField f : notModified) {
            String name = f.getLowerCaseName();
            if (!NOT_MERGED.contains(name) && !ProxyHeaders.HOP_BY_HOP.contains(name)) {
                replaced.add(name);
                m.add(f);
            }
        }
        for (Header h : cached.headers()) {
            if (!replaced.contains(h.name().toLowerCase(Locale.ROOT))) {
                m.add(h.name(), h.value());
            }
        }
        if (cached.etag() != null && !replaced.contains("etag")) {
            m.put(HttpHeader.ETAG, cached.etag());
        }
        return m.asImmutable();
    }

    private static boolean carriesFreshness(HttpFields notModified) {
        return notModified.stream().anyMatch(f -> FRESHNESS_FIELDS.contains(f.getLowerCaseName()));
    }

    // The stored lifetime, counted from the 304's age.
    private static ProxyPolicy.Decision keepLifetime(CachedResponse cached, ProxyPolicy.Decision d) {
        if (!d.store() && !d.detail().equals("no-ttl") && !d.detail().equals("stale")) {
            return d; // refused for a reason the 304 did carry (Set-Cookie, Vary...)
        }
        long lifetime = TimeUnit.NANOSECONDS.toSeconds(cached.ttlNanos());
        long age = d.store() ? d.ageSeconds() : 0;
        return new ProxyPolicy.Decision(
                true,
                "",
                lifetime,
                age,
                TimeUnit.NANOSECONDS.toSeconds(cached.staleWhileRevalidateNanos()),
                TimeUnit.NANOSECONDS.toSeconds(cached.staleIfErrorNanos()));
    }
}
