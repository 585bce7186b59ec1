package dev.sluice.dialect.quant;

import dev.sluice.cache.PurgeMode;
import dev.sluice.content.ContentPaths;
import dev.sluice.core.SiteId;
import dev.sluice.purge.Matcher;
import dev.sluice.purge.PurgeRequest;
import dev.sluice.purge.PurgeService;
import java.util.ArrayList;
import java.util.List;

/**
 * Purges the edge after a content change, so the next visitor gets the new state: an exact HARD purge
 * of the changed path's canonical key. The site's 404 page ({@code /_quant404}) is also served for
 * every missing path, and the edge tags those replies {@value #NOT_FOUND_TAG}, so changing it purges
 * that tag too.
 */
final class ChangePurger {

    static final String NOT_FOUND_PAGE = "/_quant404";
    static final String NOT_FOUND_TAG = "sluice:404";

    private final PurgeService purges;

    ChangePurger(PurgeService purges) {
        this.purges = purges;
    }

    /** Purges the path; returns when the purge is logged and applied on this node. */
    void changed(SiteId site, String url) {
        String canonical = ContentPaths.canonical(url);
        List<Matcher> matchers = new ArrayList<>();
        matchers.add(new Matcher.Exact(canonical));
        if (canonical.equals(NOT_FOUND_PAGE)) {
            matchers.add(new Matcher.Tag(NOT_FOUND_TAG));
        }
        purges.submit(new PurgeRequest(site, matchers, PurgeMode.HARD));
    }
}
