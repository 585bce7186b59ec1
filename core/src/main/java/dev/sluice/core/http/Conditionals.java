package dev.sluice.core.http;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Evaluation of conditional requests against a selected representation, in the order of RFC 9110
 * section 13.2.2. Callers evaluate only when the unconditional response would be 2xx (section 13.2.1).
 */
public final class Conditionals {

    /** What the preconditions ask of the response. */
    public enum Outcome {
        /** Serve the response as if there were no preconditions. */
        PROCEED,
        /** Send 304 Not Modified (GET and HEAD). */
        NOT_MODIFIED,
        /** Send 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    /**
     * The request's preconditions.
     *
     * @param ifMatch the If-Match value, or null
     * @param ifNoneMatch the If-None-Match value, or null
     * @param ifModifiedSince the If-Modified-Since value, or null
     * @param ifUnmodifiedSince the If-Unmodified-Since value, or null
     */
    public record Preconditions(
            @Nullable String ifMatch,
            @Nullable String ifNoneMatch,
            @Nullable String ifModifiedSince,
            @Nullable String ifUnmodifiedSince) {

        /** Whether any precondition is present (the common case is none: skip the work). */
        public boolean any() {
            return ifMatch != null || ifNoneMatch != null || ifModifiedSince != null || ifUnmodifiedSince != null;
        }
    }

    private Conditionals() {}

    /**
     * Evaluates the preconditions.
     *
     * @param getOrHead whether the method is GET or HEAD (a failed If-None-Match gives 304, not 412)
     * @param etag the representation's entity tag as sent, or null
     * @param lastModified its Last-Modified as epoch seconds, or -1
     */
    public static Outcome evaluate(Preconditions p, boolean getOrHead, @Nullable String etag, long lastModified) {
        EntityTag current = etag == null ? null : EntityTag.parse(etag);
        if (p.ifMatch() != null) {
            if (!ifMatch(p.ifMatch(), current)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (p.ifUnmodifiedSince() != null && modifiedAfter(lastModified, p.ifUnmodifiedSince())) {
            return Outcome.PRECONDITION_FAILED;
        }
        if (p.ifNoneMatch() != null) {
            if (ifNoneMatchFails(p.ifNoneMatch(), current)) {
                return getOrHead ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (getOrHead && p.ifModifiedSince() != null && notModifiedSince(lastModified, p.ifModifiedSince())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range request applies given its If-Range value (RFC 9110 section 13.1.5): a strong
     * tag equal to the current one, or a date equal to Last-Modified. Otherwise the whole
     * representation is sent.
     */
    public static boolean ifRange(@Nullable String ifRange, @Nullable String etag, long lastModified) {
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            EntityTag asked = EntityTag.parse(v);
            EntityTag current = etag == null ? null : EntityTag.parse(etag);
            return asked != null && current != null && asked.strongMatch(current);
        }
        long date = HttpDates.parse(v);
        return date >= 0 && lastModified >= 0 && date == lastModified;
    }

    private static boolean ifMatch(String value, @Nullable EntityTag current) {
        if (value.trim().equals("*")) {
            return true;
        }
        return current != null && anyMatch(EntityTag.parseList(value), current, true);
    }

    private static boolean ifNoneMatchFails(String value, @Nullable EntityTag current) {
        if (value.trim().equals("*")) {
            return true;
        }
        return current != null && anyMatch(EntityTag.parseList(value), current, false);
    }

    private static boolean anyMatch(List<EntityTag> tags, EntityTag current, boolean strong) {
        for (EntityTag t : tags) {
            if (strong ? t.strongMatch(current) : t.weakMatch(current)) {
                return true;
            }
        }
        return false;
    }

    private static boolean notModifiedSince(long lastModified, String since) {
        long date = HttpDates.parse(since);
        return date >= 0 && lastModified >= 0 && lastModified <= date;
    }

    private static boolean modifiedAfter(long lastModified, String since) {
        long date = HttpDates.parse(since);
        return date >= 0 && lastModified >= 0 && lastModified > date;
    }
}
