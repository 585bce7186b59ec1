package dev.sluice.core.http;

import java.util.List;

/**
 * Picks the cache directives a CDN obeys (RFC 9213 section 2.1): the first targeted field present
 * with a value, in the order {@code Surrogate-Control}, {@code CDN-Cache-Control}; when one is
 * chosen, {@code Cache-Control} and {@code Expires} are ignored for storage and freshness. Else
 * {@code Cache-Control} (with {@code Expires} as fallback lifetime). Surrogate-Control's own syntax
 * (Edge Architecture 1.0: {@code max-age=60+30, content="ESI/1.0"}) is read for the directives the
 * two share; its {@code +stale} extension is ignored.
 *
 * @param directives the directives in force
 * @param targeted whether they came from a targeted field (then Expires does not count)
 */
public record TargetedCacheControl(CacheControl directives, boolean targeted) {

    /** The field names, lower case, in precedence order; none of them is forwarded to clients. */
    public static final List<String> TARGETED_FIELDS = List.of("surrogate-control", "cdn-cache-control");

    /**
     * Selects the directives from the field lines of a response.
     *
     * @param surrogateControl Surrogate-Control lines
     * @param cdnCacheControl CDN-Cache-Control lines
     * @param cacheControl Cache-Control lines
     */
    public static TargetedCacheControl select(
            List<String> surrogateControl, List<String> cdnCacheControl, List<String> cacheControl) {
        if (hasValue(surrogateControl)) {
            String[] lines = surrogateControl.stream()
                    .map(l -> l.replaceAll("(?i)(max-age\\s*=\\s*\\d+)\\+\\d+", "$1"))
                    .toArray(String[]::new);
            return new TargetedCacheControl(CacheControl.parse(lines), true);
        }
        if (hasValue(cdnCacheControl)) {
            return new TargetedCacheControl(CacheControl.parse(cdnCacheControl.toArray(new String[0])), true);
        }
        return new TargetedCacheControl(CacheControl.parse(cacheControl.toArray(new String[0])), false);
    }

    private static boolean hasValue(List<String> lines) {
        for (String line : lines) {
            if (!line.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
