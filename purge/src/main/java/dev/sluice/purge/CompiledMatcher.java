package dev.sluice.purge;

import dev.sluice.cache.CacheKey;
import dev.sluice.cache.CacheStore;
import dev.sluice.cache.PurgeMode;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A {@link Matcher} validated and turned into the cache primitive that applies it: exact targets and
 * globs without a wildcard purge a key (exact targets with request headers only the variants those
 * select), tags a tag, {@code All} the site, and prefixes, globs and
 * regexes a rule with a compiled predicate.
 */
@FunctionalInterface
public interface CompiledMatcher {

    /** Applies the matcher to the site's objects in the store under the purge sequence. */
    void apply(CacheStore store, SiteId site, PurgeMode mode, long seq);

    /** Validates and compiles; bad input is a {@link SluiceException} of kind BAD_REQUEST. */
    static CompiledMatcher compile(Matcher matcher) {
        return switch (matcher) {
            case Matcher.Exact(String target, Map<String, String> headers) ->
                headers.isEmpty() ? key(nonEmpty("target", target)) : variants(nonEmpty("target", target), headers);
            case Matcher.Tag(String tag) -> {
                String t = nonEmpty("tag", tag);
                yield (store, site, mode, seq) -> store.purgeTag(site, t, mode, seq);
            }
            case Matcher.All() -> (store, site, mode, seq) -> store.purgeSite(site, mode, seq);
            case Matcher.Prefix(String prefix) -> {
                String p = nonEmpty("prefix", prefix);
                yield rule(t -> t.startsWith(p), "prefix " + p);
            }
            case Matcher.Glob(String pattern) -> {
                GlobPattern glob = GlobPattern.parse(pattern);
                yield glob.isExact() ? key(pattern) : rule(glob, glob.toString());
            }
            case Matcher.Regex(String pattern) -> {
                TargetRegex regex = TargetRegex.compile(pattern);
                yield rule(regex, regex.toString());
            }
        };
    }

    private static CompiledMatcher key(String target) {
        return (store, site, mode, seq) -> store.purgeKey(new CacheKey(site, target), mode, seq);
    }

    private static CompiledMatcher variants(String target, Map<String, String> headers) {
        for (String name : headers.keySet()) {
            nonEmpty("header name", name.trim());
        }
        return (store, site, mode, seq) -> store.purgeVariants(new CacheKey(site, target), headers, mode, seq);
    }

    private static CompiledMatcher rule(Predicate<String> target, String description) {
        return (store, site, mode, seq) -> store.purgeMatching(site, target, description, mode, seq);
    }

    private static String nonEmpty(String what, String value) {
        if (value.isEmpty()) {
            throw SluiceException.badRequest("%s: \"\" (expected: non-empty)".formatted(what));
        }
        return value;
    }
}
