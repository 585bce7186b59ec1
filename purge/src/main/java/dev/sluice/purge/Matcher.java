package dev.sluice.purge;

import java.util.Map;

/** What a purge selects within a site. Targets are paths (with query for pull zones). */
public sealed interface Matcher {

    /**
     * One target: every variant, or with request headers only the variants a request carrying those
     * values would be served (CDN Pro's {@code fileHeaders}); headers not given do not constrain.
     *
     * @param target the target
     * @param requestHeaders header values selecting the variants, empty for every variant
     */
    record Exact(String target, Map<String, String> requestHeaders) implements Matcher {

        public Exact {
            requestHeaders = Map.copyOf(requestHeaders);
        }

        /** One target, every variant. */
        public Exact(String target) {
            this(target, Map.of());
        }
    }

    /** Every target starting with the prefix (a directory purge when it ends with '/'). */
    record Prefix(String prefix) implements Matcher {}

    /** A CDN Pro style glob: '*' within a segment, '**' across segments, only the last counts. */
    record Glob(String pattern) implements Matcher {}

    /** A regular expression matched against the whole target, run on a linear-time engine. */
    record Regex(String pattern) implements Matcher {}

    /** Every object carrying the tag. */
    record Tag(String tag) implements Matcher {}

    /** The whole site. */
    record All() implements Matcher {}
}
