package dev.sluice.edge.proxy;

import dev.sluice.cache.CachedResponse;
import dev.sluice.cache.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * The request header fields a response varies on, as far as the cache is concerned: its {@code
 * Vary} names, lower-case, without {@code Accept-Encoding} (the edge asks origins for identity and
 * negotiates gzip itself, so one stored response serves both codings).
 */
public final class VaryNames {

    private VaryNames() {}

    /** The names in a response's header fields. */
    public static List<String> of(HttpFields h) {
        List<String> names = new ArrayList<>();
        for (String v : h.getCSV(HttpHeader.VARY, false)) {
            add(names, v);
        }
        return List.copyOf(names);
    }

    /** The names in a stored response's headers. */
    public static List<String> of(CachedResponse r) {
        List<String> names = new ArrayList<>();
        for (Header h : r.headers()) {
            if (h.name().equalsIgnoreCase("Vary")) {
                for (String v : h.value().split(",", -1)) {
                    add(names, v);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Whether the response says {@code Vary: *} (it can never be selected, so is never stored). */
    static boolean any(HttpFields h) {
        return h.getCSV(HttpHeader.VARY, false).stream().anyMatch(v -> v.trim().equals("*"));
    }

    private static void add(List<String> names, String raw) {
        String n = raw.trim().toLowerCase(Locale.ROOT);
        if (!n.isEmpty() && !n.equals("accept-encoding") && !names.contains(n)) {
            names.add(n);
        }
    }
}
