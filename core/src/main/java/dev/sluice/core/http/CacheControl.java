package dev.sluice.core.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The response Cache-Control directives a shared cache acts on (RFC 9111 section 5.2.2, RFC 5861).
 * Delta-seconds are -1 when absent; an invalid value counts as absent, except that an invalid
 * max-age or s-maxage makes the response stale (section 4.2.1), recorded here as 0.
 *
 * @param maxAge max-age, or -1
 * @param sMaxAge s-maxage, or -1
 * @param noStore no-store
 * @param noCache no-cache (unqualified or with field names: either way, revalidate before reuse)
 * @param isPrivate private
 * @param isPublic public
 * @param mustRevalidate must-revalidate or proxy-revalidate
 * @param staleWhileRevalidate stale-while-revalidate, or -1
 * @param staleIfError stale-if-error, or -1
 */
public record CacheControl(
        long maxAge,
        long sMaxAge,
        boolean noStore,
        boolean noCache,
        boolean isPrivate,
        boolean isPublic,
        boolean mustRevalidate,
        long staleWhileRevalidate,
        long staleIfError) {

    /** No directives at all. */
    public static final CacheControl NONE = new CacheControl(-1, -1, false, false, false, false, false, -1, -1);

    /**
     * The freshness lifetime a shared cache gives the response from its directives: s-maxage, else
     * max-age, else -1 (the caller may then use Expires).
     */
    public long sharedMaxAge() {
        return sMaxAge >= 0 ? sMaxAge : maxAge;
    }

    /** Parses the Cache-Control field lines of a response (null entries are skipped). */
    public static CacheControl parse(@Nullable String... lines) {
        Builder b = new Builder();
        for (String line : lines) {
            if (line != null) {
                for (String directive : CacheControlSplitter.directives(line)) {
                    b.apply(directive);
                }
            }
        }
        return b.build();
    }

    private static final class Builder {
        private long maxAge = -1;
        private long sMaxAge = -1;
        private boolean noStore;
        private boolean noCache;
        private boolean isPrivate;
        private boolean isPublic;
        private boolean mustRevalidate;
        private long swr = -1;
        private long sie = -1;

        void apply(String directive) {
            int eq = directive.indexOf('=');
            String name =
                    (eq < 0 ? directive : directive.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
            String arg = eq < 0 ? null : unquote(directive.substring(eq + 1).trim());
            switch (name) {
                case "max-age" -> maxAge = deltaOrStale(arg);
                case "s-maxage" -> sMaxAge = deltaOrStale(arg);
                case "no-store" -> noStore = true;
                case "no-cache" -> noCache = true;
                case "private" -> isPrivate = true;
                case "public" -> isPublic = true;
                case "must-revalidate", "proxy-revalidate" -> mustRevalidate = true;
                case "stale-while-revalidate" -> swr = delta(arg);
                case "stale-if-error" -> sie = delta(arg);
                default -> {
                    // extensions we do not act on
                }
            }
        }

        CacheControl build() {
            return new CacheControl(maxAge, sMaxAge, noStore, noCache, isPrivate, isPublic, mustRevalidate, swr, sie);
        }

        private static long deltaOrStale(@Nullable String arg) {
            long v = delta(arg);
            return v < 0 ? 0 : v;
        }

        // Delta-seconds; values beyond 2^31 are capped there, as RFC 9111 section 1.2.2 asks.
        private static long delta(@Nullable String arg) {
            if (arg == null || arg.isEmpty()) {
                return -1;
            }
            for (int i = 0; i < arg.length(); i++) {
                if (arg.charAt(i) < '0' || arg.charAt(i) > '9') {
                    return -1;
                }
            }
            return arg.length() > 10 ? Integer.MAX_VALUE : Math.min(Long.parseLong(arg), Integer.MAX_VALUE);
        }

        private static String unquote(String s) {
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
