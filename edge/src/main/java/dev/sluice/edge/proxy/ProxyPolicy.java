package dev.sluice.edge.proxy;

import dev.sluice.core.http.CacheControl;
import dev.sluice.core.http.HttpDates;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.jspecify.annotations.Nullable;

/**
 * Whether a proxied response may be stored, and for how long (RFC 9111 sections 3 and 4.2). Only
 * responses that say so themselves are stored: an explicit s-maxage, max-age or Expires, no
 * private, no-store or no-cache (this edge does not revalidate yet), no Set-Cookie, no Vary beyond
 * Accept-Encoding, no content coding, and not larger than the cacheable size. Heuristic freshness
 * is never used.
 */
final class ProxyPolicy {

    private static final Set<Integer> STORABLE_STATUS = Set.of(200, 203, 204, 300, 301, 308, 404, 410);

    /**
     * The verdict.
     *
     * @param store whether to store the response
     * @param detail why not, for Cache-Status (empty when stored)
     * @param ttlSeconds freshness left at store time
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

    /**
     * Decides for a response.
     *
     * @param clientAuthorized whether the client's own Authorization was forwarded
     * @param nowEpochSeconds the time the response arrived
     */
    static Decision decide(
            int status, HttpFields h, boolean head, boolean clientAuthorized, long maxBytes, long nowEpochSeconds) {
        if (head) {
            return Decision.pass("head");
        }
        if (!STORABLE_STATUS.contains(status)) {
            return Decision.pass("status");
        }
        List<String> lines = h.getValuesList(HttpHeader.CACHE_CONTROL);
        CacheControl cc = CacheControl.parse(lines.toArray(new String[0]));
        String refusal = refusal(cc, h, clientAuthorized, maxBytes);
        if (refusal != null) {
            return Decision.pass(refusal);
        }
        long date = dateOr(h, nowEpochSeconds);
        long lifetime = lifetime(cc, h, date);
        long age = Math.max(Math.max(0, nowEpochSeconds - date), ageField(h));
        if (lifetime < 0) {
            return Decision.pass("no-ttl");
        }
        if (lifetime - age <= 0) {
            return Decision.pass("stale");
        }
        long swr = cc.mustRevalidate() ? 0 : Math.max(0, cc.staleWhileRevalidate());
        long sie = cc.mustRevalidate() ? 0 : Math.max(0, cc.staleIfError());
        return new Decision(true, "", lifetime - age, age, swr, sie);
    }

    private static @Nullable String refusal(CacheControl cc, HttpFields h, boolean clientAuthorized, long maxBytes) {
        if (cc.noStore()) {
            return "no-store";
        }
        if (cc.isPrivate()) {
            return "private";
        }
        if (cc.noCache()) {
            return "no-cache";
        }
        if (clientAuthorized && !(cc.isPublic() || cc.sMaxAge() >= 0 || cc.mustRevalidate())) {
            return "authorization";
        }
        if (h.contains(HttpHeader.SET_COOKIE)) {
            return "set-cookie";
        }
        String encoding = h.get(HttpHeader.CONTENT_ENCODING);
        if (encoding != null && !encoding.trim().equalsIgnoreCase("identity")) {
            return "content-encoding";
        }
        for (String vary : h.getCSV(HttpHeader.VARY, false)) {
            if (!vary.toLowerCase(Locale.ROOT).equals("accept-encoding")) {
                return "vary";
            }
        }
        return h.getLongField(HttpHeader.CONTENT_LENGTH) > maxBytes ? "too-large" : null;
    }

    // s-maxage, else max-age, else Expires minus Date; an invalid Expires means already stale.
    private static long lifetime(CacheControl cc, HttpFields h, long date) {
        long shared = cc.sharedMaxAge();
        if (shared >= 0) {
            return shared;
        }
        String expires = h.get(HttpHeader.EXPIRES);
        if (expires == null) {
            return -1;
        }
        long at = HttpDates.parse(expires);
        return at < 0 ? 0 : Math.max(0, at - date);
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
