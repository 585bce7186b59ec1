package dev.sluice.purge.task;

import java.util.Locale;

/**
 * One entry of a purge task as the client sent it, kept for the vendor's status and list replies.
 *
 * @param kind what the entry selects
 * @param value the URL, path, pattern or tag as sent
 */
public record TaskEntry(Kind kind, String value) {

    /** The vendors' entry kinds; counts and quotas are per kind. */
    public enum Kind {
        FILE,
        DIR,
        REGEX,
        TAG,
        ALL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static TaskEntry file(String value) {
        return new TaskEntry(Kind.FILE, value);
    }

    public static TaskEntry dir(String value) {
        return new TaskEntry(Kind.DIR, value);
    }

    public static TaskEntry regex(String value) {
        return new TaskEntry(Kind.REGEX, value);
    }
}
