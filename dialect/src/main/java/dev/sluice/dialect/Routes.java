package dev.sluice.dialect;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's route table: literal segments and {@code {name}} parameters, matched in the order added
 * (so a literal like {@code /purges/purgeSummary} goes before {@code /purges/{id}}). A trailing slash
 * is ignored. Each route gets the context the caller resolved (e.g. the authenticated tenant). An
 * unknown path is NOT_FOUND, a known path with another method METHOD_NOT_ALLOWED.
 */
public final class Routes<C> {

    /** A routed request. */
    @FunctionalInterface
    public interface Route<C> {
        WireResponse handle(C context, WireRequest request, Map<String, String> params);
    }

    private record Entry<C>(String method, List<String> segments, Route<C> route) {}

    private final List<Entry<C>> entries = new ArrayList<>();
    private final String mount;

    /** A table whose errors name paths as the handler sees them. */
    public Routes() {
        this("");
    }

    /** A table whose errors name paths below the given mount, e.g. {@code /v1}. */
    public Routes(String mount) {
        this.mount = mount;
    }

    public Routes<C> add(String method, String pattern, Route<C> route) {
        entries.add(new Entry<>(method.toUpperCase(Locale.ROOT), segments(pattern), route));
        return this;
    }

    /** Routes the request to its route. */
    public WireResponse route(C context, WireRequest request) {
        List<String> path = segments(request.path());
        TreeSet<String> allowed = new TreeSet<>();
        for (Entry<C> entry : entries) {
            Map<String, String> params = match(entry.segments(), path);
            if (params == null) {
                continue;
            }
            if (entry.method().equals(request.method())) {
                return entry.route().handle(context, request, params);
            }
            allowed.add(entry.method());
        }
        String described = request.method() + " " + mount + request.path();
        if (allowed.isEmpty()) {
            throw new SluiceException(ErrorKind.NOT_FOUND, "Route not found: " + described);
        }
        throw new SluiceException(
                ErrorKind.METHOD_NOT_ALLOWED,
                "Method not allowed: %s (expected: %s)".formatted(described, String.join(", ", allowed)));
    }

    private static @Nullable Map<String, String> match(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                params.put(expected.substring(1, expected.length() - 1), path.get(i));
            } else if (!expected.equals(path.get(i))) {
                return null;
            }
        }
        return params;
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
