package dev.sluice.content;

import java.io.InputStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A new revision to record. Exactly one body kind is set, per {@link #type}.
 *
 * @param type content (markup), file, redirect or proxy
 * @param url the URL as the client sent it
 * @param published whether the new revision goes live
 * @param body the bytes of a content or file revision (streamed into the blob store), else null
 * @param headers custom response headers (lower-case names)
 * @param info author and log fields
 * @param redirectUrl the redirect target, for redirects
 * @param redirectCode the redirect status, for redirects
 * @param proxyDestination the proxied URL, for proxies
 * @param proxyUser basic-auth user for proxies, or null
 * @param proxyPassword basic-auth password for proxies, or null
 * @param contentTimestamp the client's own timestamp, or null
 */
public record ContentPush(
        EntryType type,
        String url,
        boolean published,
        @Nullable InputStream body,
        Map<String, String> headers,
        Map<String, String> info,
        @Nullable String redirectUrl,
        int redirectCode,
        @Nullable String proxyDestination,
        @Nullable String proxyUser,
        @Nullable String proxyPassword,
        @Nullable Long contentTimestamp) {}
