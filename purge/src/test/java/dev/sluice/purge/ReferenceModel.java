package dev.sluice.purge;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Freshness;
import dev.sluice.cache.PurgeMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A brute-force model of what a lookup must return: every fill and every purge kept in lists, each
 * matcher evaluated by a different algorithm than the engine's (java.util.regex for globs, string
 * scans for prefixes and variant ids), no marks, no rules, no sweeper.
 */
final class ReferenceModel {

    private static final Pattern GLOB = Pattern.compile("^(.*?)(\\*\\*?)([^*]*)$");

    record Fill(CachedResponse response, long token) {}

    record Purge(long seq, PurgeRequest request, long nanos) {}

    private final Map<CacheKey, Fill> fills = new HashMap<>();
    private final List<Purge> purges = new ArrayList<>();

    /** Stores the fill unless a HARD purge since its token matches it (then any older fill stays). */
    void put(CacheKey key, CachedResponse response, long token) {
        for (Purge p : purges) {
            if (p.seq() > token && p.request().mode() == PurgeMode.HARD && matches(p.request(), key, response)) {
                return;
            }
        }
        fills.put(key, new Fill(response, token));
    }

    void purge(long seq, PurgeRequest request, long nanos) {
        purges.add(new Purge(seq, request, nanos));
    }

    /** The expected freshness, or null for a miss. */
    @Nullable
    Freshness expected(CacheKey key, long now) {
        Fill f = fills.get(key);
        if (f == null) {
            return null;
        }
        CachedResponse r = f.response();
        long staleAt = r.storedAtNanos() + r.ttlNanos() - r.ageAtStoreSeconds() * 1_000_000_000L;
        for (Purge p : purges) {
            if (p.seq() > f.token() && matches(p.request(), key, r)) {
                if (p.request().mode() == PurgeMode.HARD) {
                    return null;
                }
                staleAt = Math.min(staleAt, p.nanos());
            }
        }
        if (now < staleAt) {
            return Freshness.FRESH;
        }
        if (now - staleAt < r.staleWhileRevalidateNanos()) {
            return Freshness.STALE_WHILE_REVALIDATE;
        }
        return now - staleAt < r.staleIfErrorNanos() ? Freshness.STALE_IF_ERROR : Freshness.EXPIRED;
    }

    private static boolean matches(PurgeRequest request, CacheKey key, CachedResponse r) {
        if (!request.site().equals(key.site())) {
            return false;
        }
        String t = key.target();
        for (Matcher m : request.matchers()) {
            boolean hit = switch (m) {
                case Matcher.Exact(String target, Map<String, String> headers) ->
                    t.equals(target) && selects(headers, key.variant());
                case Matcher.Prefix(String prefix) ->
                    t.length() >= prefix.length() && t.regionMatches(0, prefix, 0, prefix.length());
                case Matcher.Glob(String pattern) -> glob(pattern, t);
                case Matcher.Regex(String regex) ->
                    Pattern.compile(regex).matcher(t).matches();
                case Matcher.Tag(String tag) -> r.tags().contains(tag);
                case Matcher.All() -> true;
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    /** Every given header the variant id names ("name=value" lines) has the same trimmed value. */
    private static boolean selects(Map<String, String> headers, String variant) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            String prefix = h.getKey().toLowerCase(java.util.Locale.ROOT) + "=";
            for (String line : variant.split("\n", -1)) {
                if (line.startsWith(prefix)
                        && !line.substring(prefix.length()).equals(h.getValue().trim())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Tries every split of the target into prefix, wildcard run and suffix. */
    private static boolean glob(String pattern, String t) {
        java.util.regex.Matcher g = GLOB.matcher(pattern);
        if (!g.matches()) {
            return t.equals(pattern);
        }
        String prefix = g.group(1);
        String suffix = g.group(3);
        boolean anyDepth = g.group(2).length() == 2;
        int query = t.indexOf('?') < 0 ? t.length() : t.indexOf('?');
        for (int i = 0; i <= t.length(); i++) {
            for (int j = i; j <= t.length(); j++) {
                if (t.substring(0, i).equals(prefix)
                        && t.substring(j).equals(suffix)
                        && (anyDepth
                                || !t.substring(i, Math.min(j, Math.max(i, query)))
                                        .contains("/"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
