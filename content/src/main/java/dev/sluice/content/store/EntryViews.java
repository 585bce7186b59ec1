package dev.sluice.content.store;

import dev.sluice.content.Entry;
import dev.sluice.content.Published;
import dev.sluice.content.Revision;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Stored state as the seam types show it: {@link Entry} for the API, {@link Published} for the edge. */
final class EntryViews {

    private EntryViews() {}

    static Entry entry(StoredEntry stored) {
        EntryState s = stored.state();
        Revision current = stored.current();
        return new Entry(
                s.url(),
                s.canonicalPath(),
                s.type(),
                s.seqNum(),
                s.live(),
                s.publishedRevision(),
                s.live() ? current.md5() : "",
                current.byteLength(),
                s.revisionCount(),
                s.highestRevision(),
                s.deleted(),
                s.deletedTimestamp(),
                s.lastModified(),
                current);
    }

    static Published published(LiveRevision live) {
        Revision r = live.revision();
        return switch (r.type()) {
            case CONTENT, FILE ->
                new Published.Page(
                        r.md5(),
                        r.byteLength(),
                        ContentTypes.of(r.type(), live.url(), r.headers()),
                        withoutContentType(r.headers()),
                        Math.max(r.dateTimestamp(), live.liveSince()));
            case REDIRECT -> new Published.Redirect(orEmpty(r.redirectUrl()), r.redirectCode());
            case PROXY -> new Published.Proxy(orEmpty(r.proxyDestination()), r.proxyUser(), r.proxyPassword());
        };
    }

    /** The media type travels in {@link Published.Page#contentType()}, so it is not sent twice. */
    private static Map<String, String> withoutContentType(Map<String, String> headers) {
        if (!headers.containsKey(ContentTypes.HEADER) && !headers.containsKey(ContentTypes.DRUPAL_HEADER)) {
            return headers;
        }
        Map<String, String> rest = new LinkedHashMap<>(headers);
        rest.remove(ContentTypes.HEADER);
        rest.remove(ContentTypes.DRUPAL_HEADER);
        return Collections.unmodifiableMap(rest);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
