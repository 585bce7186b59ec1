package dev.sluice.content;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the edge serves for a site's canonical path: the read side of the content store. */
public sealed interface Published {

    /**
     * A page or file revision that is live.
     *
     * @param md5 hex MD5 of the body, also its content address
     * @param size body length in bytes
     * @param contentType the media type to send
     * @param headers the custom response headers stored with the revision (lower-case names)
     * @param modifiedEpochSeconds when the path started serving this revision, for Last-Modified
     */
    record Page(String md5, long size, String contentType, Map<String, String> headers, long modifiedEpochSeconds)
            implements Published {}

    /**
     * A redirect.
     *
     * @param location where to send the client
     * @param status the 3xx code
     */
    record Redirect(String location, int status) implements Published {}

    /**
     * A path served from another server.
     *
     * @param destination the absolute URL to fetch
     * @param basicAuthUser user for the destination, or null
     * @param basicAuthPassword password for the destination, or null
     */
    record Proxy(
            String destination,
            @Nullable String basicAuthUser,
            @Nullable String basicAuthPassword) implements Published {}
}
