package dev.sluice.core.http;

import org.jspecify.annotations.Nullable;

/** Parses {@code Range: bytes=...} values; see {@link ByteRange} for the policy. */
final class ByteRangeParser {

    private static final ByteRange FULL = new ByteRange.Full();

    private ByteRangeParser() {}

    static ByteRange parse(@Nullable String header, long length) {
        if (header == null) {
            return FULL;
        }
        String v = header.trim();
        if (!v.regionMatches(true, 0, "bytes=", 0, 6)) {
            return FULL; // another range unit: ignored
        }
        String set = v.substring(6).trim();
        if (set.isEmpty() || set.indexOf(',') >= 0) {
            return set.isEmpty() ? FULL : several(set, length);
        }
        long[] spec = spec(set);
        if (spec.length == 0) {
            return FULL;
        }
        return resolve(spec, length);
    }

    // Several ranges: served whole when any is satisfiable, 416 when none is, ignored when malformed.
    private static ByteRange several(String set, long length) {
        boolean satisfiable = false;
        for (String part : set.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            long[] spec = spec(p);
            if (spec.length == 0) {
                return FULL;
            }
            satisfiable |= resolve(spec, length) instanceof ByteRange.Partial;
        }
        return satisfiable ? FULL : new ByteRange.Unsatisfiable(length);
    }

    private static ByteRange resolve(long[] spec, long length) {
        long first = spec[0];
        long last = spec[1];
        if (first < 0) { // suffix: the last n bytes
            if (last == 0 || length == 0) {
                return new ByteRange.Unsatisfiable(length);
            }
            return new ByteRange.Partial(Math.max(0, length - last), length - 1, length);
        }
        if (first >= length) {
            return new ByteRange.Unsatisfiable(length);
        }
        long end = last < 0 || last >= length ? length - 1 : last;
        return new ByteRange.Partial(first, end, length);
    }

    // {first, last}: first -1 for a suffix (last = its length), last -1 for an open range; {} if malformed.
    private static long[] spec(String s) {
        int dash = s.indexOf('-');
        if (dash < 0) {
            return new long[0];
        }
        String a = s.substring(0, dash).trim();
        String b = s.substring(dash + 1).trim();
        long first = a.isEmpty() ? -1 : number(a);
        long last = b.isEmpty() ? -1 : number(b);
        boolean malformed = (a.isEmpty() && b.isEmpty())
                || (!a.isEmpty() && first < 0)
                || (!b.isEmpty() && last < 0)
                || (first >= 0 && last >= 0 && last < first);
        return malformed ? new long[0] : new long[] {first, last};
    }

    private static long number(String s) {
        if (s.length() > 18) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Long.parseLong(s);
    }
}
