package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import dev.sluice.core.http.HttpDates;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/** The headers a pull zone adds to what it sends its origin: the configured Host and validators. */
final class PullRequests {

    private PullRequests() {}

    /** Sets Host as configured and, when a stored copy is being revalidated, its validators. */
    static void originHeaders(PullFetch fetch, HttpFields.Mutable h) {
        String host = fetch.hostHeader();
        if (host != null) {
            h.put(HttpHeader.HOST, host);
        }
        CachedResponse cached = fetch.cached();
        if (cached != null) {
            conditionals(cached, h);
        }
    }

    // RFC 9111 section 4.3.1: the entity tag, and Last-Modified for origins that only have dates.
    private static void conditionals(CachedResponse cached, HttpFields.Mutable h) {
        String etag = cached.etag();
        if (etag != null) {
            h.put(HttpHeader.IF_NONE_MATCH, etag);
        }
        if (cached.lastModifiedEpochSeconds() >= 0) {
            h.put(HttpHeader.IF_MODIFIED_SINCE, HttpDates.format(cached.lastModifiedEpochSeconds()));
        }
    }
}
