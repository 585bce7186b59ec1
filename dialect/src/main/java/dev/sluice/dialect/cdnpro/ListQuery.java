package dev.sluice.dialect.cdnpro;

import dev.sluice.dialect.WireRequest;
import dev.sluice.purge.task.PurgeTask;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The query of {@code GET /cdn/purges} (§2.3), checked: dates RFC 3339 (default the last 30 days, the
 * retention), {@code offset} >= 0, {@code limit} 1-1000 (default 100), {@code sortBy}, {@code
 * sortOrder}, and the filters {@code search}, {@code target}, {@code action}, {@code maxSuccessRate}.
 */
record ListQuery(
        Instant start,
        Instant end,
        int offset,
        int limit,
        boolean byFinish,
        boolean descending,
        @Nullable String search,
        @Nullable String target,
        @Nullable String action,
        int maxSuccessRate) {

    static final Duration RETENTION = Duration.ofDays(30);

    static ListQuery parse(WireRequest r, Instant now) {
        Instant end = date(r.queryParam("enddate"), "InvalidEndDate", now.plusSeconds(1));
        Instant start = date(r.queryParam("startdate"), "InvalidStartDate", end.minus(RETENTION));
        int offset = number(r.queryParam("offset"), 0, 0, Integer.MAX_VALUE, "InvalidListOffset");
        int limit = number(r.queryParam("limit"), 100, 1, 1000, "InvalidListLimit");
        String sortBy = or(r.queryParam("sortBy"), "submissionTime");
        if (!sortBy.equals("submissionTime") && !sortBy.equals("finishTime")) {
            throw CdnPro.bad("InvalidSortBy", "sortBy: %s (expected: submissionTime or finishTime)".formatted(sortBy));
        }
        String order = or(r.queryParam("sortOrder"), "desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            throw CdnPro.bad("InvalidSortOrder", "sortOrder: %s (expected: asc or desc)".formatted(order));
        }
        String target = r.queryParam("target");
        if (target != null) {
            target(target);
        }
        int maxRate = number(r.queryParam("maxSuccessRate"), 100, 0, 100, "InvalidSuccessRate");
        return new ListQuery(
                start,
                end,
                offset,
                limit,
                sortBy.equals("finishTime"),
                order.equals("desc"),
                r.queryParam("search"),
                target,
                r.queryParam("action"),
                maxRate);
    }

    List<PurgeTask> apply(List<PurgeTask> tasks) {
        Comparator<PurgeTask> by = byFinish
                ? Comparator.comparing(t -> t.finishedAt() == null ? Instant.MAX : t.finishedAt())
                : Comparator.comparing(PurgeTask::submittedAt);
        return tasks.stream()
                .filter(t -> target == null || target.equals(t.attribute("target")))
                .filter(t -> action == null || action.equals(t.attribute("action")))
                .filter(t -> t.successRate() <= maxSuccessRate)
                .filter(t -> search == null || matches(t, search))
                .sorted(descending ? by.reversed() : by)
                .toList();
    }

    private static boolean matches(PurgeTask task, String search) {
        String s = search.toLowerCase(Locale.ROOT);
        return task.id().contains(s) || TaskJson.hostnames(task).stream().anyMatch(h -> h.contains(s));
    }

    static void target(String target) {
        if (!target.equals("staging") && !target.equals("production")) {
            throw CdnPro.bad("InvalidTarget", "target: %s (expected: staging or production)".formatted(target));
        }
    }

    static Instant date(@Nullable String value, String code, @Nullable Instant fallback) {
        if (value == null) {
            if (fallback == null) {
                throw CdnPro.bad(code, "date: missing (expected: RFC 3339, e.g. 2019-11-21T12:00:42Z)");
            }
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw CdnPro.bad(
                    code,
                    "date: %s (expected: RFC 3339, e.g. 2019-11-21T12:00:42Z)".formatted(CdnPro.abbreviated(value)));
        }
    }

    private static int number(@Nullable String value, int fallback, int min, int max, String code) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the range.
        }
        throw CdnPro.bad(code, "%s (expected: %d-%d)".formatted(CdnPro.abbreviated(value), min, max));
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
