package dev.sluice.core.http;

import java.util.ArrayList;
import java.util.List;

/** Splits a Cache-Control line on commas that are outside quoted strings. */
final class CacheControlSplitter {

    private CacheControlSplitter() {}

    static List<String> directives(String line) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted) {
                i++;
            } else if (c == ',' && !quoted) {
                add(out, line.substring(start, i));
                start = i + 1;
            }
        }
        add(out, line.substring(start));
        return out;
    }

    private static void add(List<String> out, String part) {
        String p = part.trim();
        if (!p.isEmpty()) {
            out.add(p);
        }
    }
}
