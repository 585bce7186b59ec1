package dev.sluice.purge;

/** What a purge selects within a site. Targets are paths (with query for pull zones). */
public sealed interface Matcher {

    /** One target, every variant. */
    record Exact(String target) implements Matcher {}

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
