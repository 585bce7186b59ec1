package dev.sluice.edge.origin;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP resource the edge fetches for a client.
 *
 * @param uri the absolute http or https URI
 * @param basicAuthUser user for Basic authentication at the target, or null
 * @param basicAuthPassword its password, or null
 */
public record ForwardTarget(
        URI uri, @Nullable String basicAuthUser, @Nullable String basicAuthPassword) {

    public ForwardTarget {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("uri: %s (expected: an absolute http(s) URI)".formatted(uri));
        }
    }

    @Override
    public String toString() {
        return "ForwardTarget[" + uri + (basicAuthUser == null ? "" : ", user=" + basicAuthUser) + "]";
    }
}
