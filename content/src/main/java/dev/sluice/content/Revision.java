package dev.sluice.content;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One revision of an entry. Revisions are never changed, only added; publishing moves a pointer.
 *
 * @param number 1-based revision number within the entry
 * @param type what the revision is
 * @param md5 hex MD5 of the body (for redirects and proxies: of their target)
 * @param byteLength body length (0 for redirects and proxies)
 * @param dateTimestamp when it was made, epoch seconds
 * @param headers custom response headers, lower-case names
 * @param info author and log fields as sent ({@code author_name}, {@code log}, …)
 * @param redirectUrl the redirect target, for redirects
 * @param redirectCode the redirect status, for redirects (else 0)
 * @param proxyDestination the proxied URL, for proxies
 * @param proxyUser basic-auth user for the proxied URL, or null
 * @param proxyPassword basic-auth password for the proxied URL, or null
 * @param contentTimestamp the client's own timestamp of the content, or null
 */
public record Revision(
        int number,
        EntryType type,
        String md5,
        long byteLength,
        long dateTimestamp,
        Map<String, String> headers,
        Map<String, String> info,
        @Nullable String redirectUrl,
        int redirectCode,
        @Nullable String proxyDestination,
        @Nullable String proxyUser,
        @Nullable String proxyPassword,
        @Nullable Long contentTimestamp) {}
