package dev.sluice.edge.proxy;

import dev.sluice.core.http.CacheControl;
import dev.sluice.core.http.HttpDates;
import dev.sluice.core.http.TargetedCacheControl;
import dev.sluice.edge.origin.SiteCachePolicy;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * Whether a proxied response may be stored, and for how long (RFC 9111 sections 3 and 4.2, RFC 9213).
 * The directives are those of {@link TargetedCacheControl}: Surrogate-Control, else
 * CDN-Cache-Control, else Cache-Control with Expires. Lifetime is s-maxage, else max-age, else
 * Expires minus Date, else the site's default TTL (none: not stored). {@code no-store} is never
 * stored; {@code private}, Set-Cookie and requests with Authorization only when the site allows it.
 * {@code no-cache} and responses already stale on arrival are stored with no freshness when they
 * carry a validator, so the next request revalidates instead of refetching. Responses with a
 * content coding, {@code Vary: *}, a Vary beyond Accept-Encoding where variants are not kept
 * (Quant proxies), or larger than the cacheable size are not stored.
 */
final class ProxyPolicy {

    private static final Set<Integer> STORABLE_STATUS = Set.of(200, 203, 204, 300, 301, 308, 404, 410);

    /**
     * The verdict.
     *
     * @param store whether to store the response
     * @param detail why not, for Cache-Status (empty when stored)
     * @param ttlSeconds the freshness lifetime; the store counts the age on arrival against it
     * @param ageSeconds the age the response had on arrival
     * @param staleWhileRevalidateSeconds its stale-while-revalidate window
     * @param staleIfErrorSeconds its stale-if-error window
     */
    record Decision(
            boolean store,
            String detail,
            long ttlSeconds,
            long ageSeconds,
            long staleWhileRevalidateSeconds,
            long staleIfErrorSeconds) {

        static Decision pass(String why) {
            return new Decision(false, why, 0, 0, 0, 0);
        }
    }

    private ProxyPolicy() {}

    /** Decides with the strict default policy (published proxies of content sites). */
    static Decision decide(
            int status, HttpFields h, boolean head, boolean clientAuthorized, long maxBytes, long nowEpochSeconds) {
        return decide(status, h, head, clientAuthorized, SiteCachePolicy.DEFAULT, maxBytes, nowEpochSeconds);
    }

    /**
     * Decides for a response.
     *
     * @param clientAuthorized whether the client's own Authorization was forwarded
     * @param policy the site's cache policy
     * @param nowEpochSeconds the time the response arrived
     */
    static Decision decide(
            int status,
            HttpFields h,
            boolean head,
            boolean clientAuthorized,
            SiteCachePolicy policy,
            long maxBytes,
            long nowEpochSeconds) {
        return decide(status, h, head, clientAuthorized, policy, maxBytes, nowEpochSeconds, false);
    }

    /**
     * Decides for a response.
     *
     * @param variants whether responses that vary on request fields may be stored (as variants)
     */
    static Decision decide(
            int status,
            HttpFields h,
            boolean head,
            boolean clientAuthorized,
            SiteCachePolicy policy,
            long maxBytes,
            long nowEpochSeconds,
            boolean variants) {
        if (head) {
            return Decision.pass("head");
        }
        if (!STORABLE_STATUS.contains(status)) {
            return Decision.pass("status");
        }
        TargetedCacheControl selected = TargetedCacheControl.select(
                h.getValuesList("Surrogate-Control"),
                h.getValuesList("CDN-Cache-Control"),
                h.getValuesList(HttpHeader.CACHE_CONTROL));
        CacheControl cc = selected.directives();
        String refusal = refusal(cc, h, clientAuthorized, policy, maxBytes, variants);
        if (refusal != null) {
            return Decision.pass(refusal);
        }
        boolean validator = h.contains(HttpHeader.ETAG) || h.contains(HttpHeader.LAST_MODIFIED);
        if (cc.noCache() && !validator) {
            return Decision.pass("no-cache");
        }
        long date = dateOr(h, nowEpochSeconds);
        long lifetime = cc.noCache() ? 0 : lifetime(cc, h, selected.targeted(), date, policy);
        long age = Math.max(Math.max(0, nowEpochSeconds - date), ageField(h));
        if (lifetime < 0) {
            return Decision.pass("no-ttl");
        }
        if (lifetime - age <= 0 && !validator) {
            return Decision.pass("stale");
        }
        long swr = cc.mustRevalidate() ? 0 : Math.max(0, cc.staleWhileRevalidate());
        long sie = cc.mustRevalidate() ? 0 : Math.max(0, cc.staleIfError());
        // The full lifetime: Lifetimes subtracts the age at store once, so it is not subtracted here.
        return new Decision(true, "", lifetime, age, swr, sie);
    }

    private static @Nullable String refusal(
            CacheControl cc,
            HttpFields h,
            boolean clientAuthorized,
            SiteCachePolicy policy,
            long maxBytes,
            boolean variants) {
        if (cc.noStore()) {
            return "no-store";
        }
        if (cc.isPrivate() && !policy.cachePrivate()) {
            return "private";
        }
        if (clientAuthorized
                && !policy.cacheAuthorized()
                && !(cc.isPublic() || cc.sMaxAge() >= 0 || cc.mustRevalidate())) {
            return "authorization";
        }
        if (h.contains(HttpHeader.SET_COOKIE) && !policy.cacheSetCookie()) {
            return "set-cookie";
        }
        String encoding = h.get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return "content-encoding";
        }
        if (VaryNames.any(h) || (!variants && !VaryNames.of(h).isEmpty())) {
            return "vary";
        }
        return h.getLongField(HttpHeader.CONTENT_LENGTH) > maxBytes ? "too-large" : null;
    }

    // s-maxage, else max-age, else Expires minus Date (not under a targeted field; an invalid
    // Expires means already stale), else the site's default, else -1.
    private static long lifetime(CacheControl cc, HttpFields h, boolean targeted, long date, SiteCachePolicy policy) {
        long shared = cc.sharedMaxAge();
        if (shared >= 0) {
            return shared;
        }
        String expires = targeted ? null : h.get(HttpHeader.EXPIRES);
        if (expires != null) {
            long at = HttpDates.parse(expires);
            return at < 0 ? 0 : Math.max(0, at - date);
        }
        long fallback = policy.defaultTtl().toSeconds();
        return fallback > 0 ? fallback : -1;
    }

    private static long dateOr(HttpFields h, long now) {
        String date = h.get(HttpHeader.DATE);
        long parsed = date == null ? -1 : HttpDates.parse(date);
        return parsed < 0 ? now : parsed;
    }

    private static long ageField(HttpFields h) {
        try {
            long age = h.getLongField(HttpHeader.AGE);
            return Math.max(0, age);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
