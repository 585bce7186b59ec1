package dev.sluice.dialect.quant;

import dev.sluice.content.ContentService;
import dev.sluice.control.QuantAuthenticator;
import dev.sluice.control.RateLimiter;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.PurgeService;
import dev.sluice.purge.task.PurgeTaskService;

/**
 * QuantCDN's Content API, mounted by the server at {@code <any base>/v1}: the request's path is what
 * follows {@code /v1}. Wire spec: {@code shared/spec/api-surface.md} §1.0-1.13 with the
 * recommendations of §6.
 *
 * <p>Every route is a {@link SiteRoute} wearing the same decorators: authentication by the Quant
 * headers, the site's rate limit, and (outermost, around the router too) the error table of {@link
 * QuantErrors}, so every reply, success or failure, is a JSON body a Quant client can read.
 */
public final class QuantApi implements WireHandler {

    private final WireHandler handler;

    /**
     * @param content the content store the routes read and change
     * @param purges where {@code /purge} submits its purges (content changes purge in their own
     *     transaction, through the content store)
     * @param authenticator resolves the Quant credentials to a site
     * @param limiter the per-site rate limits
     */
    public QuantApi(
            ContentService content, PurgeService purges, QuantAuthenticator authenticator, RateLimiter limiter) {
        this(content, new PurgeRoute(purges), authenticator, limiter);
    }

    /**
     * A Quant API whose {@code /purge} records each purge as a task (content changes purge through
     * the content store: they are not client purge requests).
     */
    public QuantApi(
            ContentService content, PurgeTaskService tasks, QuantAuthenticator authenticator, RateLimiter limiter) {
        this(content, new PurgeRoute(tasks), authenticator, limiter);
    }

    private QuantApi(
            ContentService content, PurgeRoute purgeRoute, QuantAuthenticator authenticator, RateLimiter limiter) {
        QuantAuth auth = new QuantAuth(authenticator, limiter);
        ContentRoutes pushes = new ContentRoutes(content);
        RedirectRoutes records = new RedirectRoutes(content);
        RevisionRoutes revisions = new RevisionRoutes(content);
        MetaRoutes meta = new MetaRoutes(content);
        QuantRouter router = new QuantRouter()
                .add("GET", "/ping", auth.secured(meta::ping))
                .add("POST", "/", auth.secured(pushes::push))
                .add("POST", "/markup", auth.secured(pushes::push))
                .add("POST", "/file", auth.secured(pushes::push))
                .add("GET", "/revisions", auth.secured(revisions::revisions))
                .add("GET", "/revisions/{selector}", auth.secured(revisions::revision))
                .add("GET", "/global-meta", auth.secured(meta::globalMeta))
                .add("POST", "/url-meta", auth.secured(meta::urlMeta))
                .add("PATCH", "/unpublish", auth.secured(revisions::unpublish))
                .add("PATCH", "/publish/{revision}", auth.secured(revisions::publish))
                .add("POST", "/redirect", auth.secured(records::redirect))
                .add("POST", "/proxy", auth.secured(records::proxy))
                .add("DELETE", "/delete/all", auth.secured(revisions::deleteAll))
                .add("POST", "/purge", auth.secured(purgeRoute));
        this.handler = QuantErrors.rendered(router::route);
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return handler.handle(request);
    }
}
