package dev.sluice.persistence;

import dev.sluice.cache.PurgeMode;
import dev.sluice.content.ContentPaths;
import dev.sluice.core.SiteId;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import java.util.List;

/**
 * The purge a content change implies: an exact HARD purge of the changed path's canonical key, and,
 * for the site's 404 page (served for every missing path, each tagged {@value
 * ContentPaths#NOT_FOUND_TAG}), every 404 too.
 */
final class ChangePurges {

    private ChangePurges() {}

    static PurgeRequest of(SiteId site, String canonicalPath) {
        Matcher exact = new Matcher.Exact(canonicalPath);
        List<Matcher> matchers = canonicalPath.equals(ContentPaths.NOT_FOUND_PAGE)
                ? List.of(exact, new Matcher.Tag(ContentPaths.NOT_FOUND_TAG))
                : List.of(exact);
        return new PurgeRequest(site, matchers, PurgeMode.HARD);
    }
}
