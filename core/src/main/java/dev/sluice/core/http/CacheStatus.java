package dev.sluice.core.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Builds one member of an RFC 9211 {@code Cache-Status} list, e.g. {@code Sluice; hit; ttl=42},
 * {@code Sluice; fwd=miss; stored} or {@code Sluice; hit; fwd=stale}. Parameters come out in the
 * order RFC 9211 section 2 lists them. Not thread-safe; one builder per response.
 */
public final class CacheStatus {

    /** Why the cache forwarded the request (RFC 9211 section 2.2). */
    public enum Fwd {
        BYPASS,
        METHOD,
        URI_MISS,
        VARY_MISS,
        MISS,
        REQUEST,
        STALE,
        PARTIAL;

        /** The wire token, e.g. {@code uri-miss}. */
        public String token() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String cache;
    private boolean hit;
    private @Nullable Fwd fwd;
    private int fwdStatus = -1;
    private @Nullable Long ttl;
    private boolean stored;
    private boolean collapsed;
    private @Nullable String detail;

    private CacheStatus(String cache) {
        this.cache = cache;
    }

    /** A member for the named cache (an sf-token such as {@code Sluice}). */
    public static CacheStatus of(String cache) {
        return new CacheStatus(cache);
    }

    /** The common hit value without a builder: {@code <cache>; hit; ttl=<ttl>}. */
    public static String hit(String cache, long ttlSeconds) {
        return cache + "; hit; ttl=" + ttlSeconds;
    }

    /** The request was satisfied by the cache. */
    public CacheStatus hit() {
        this.hit = true;
        return this;
    }

    /** The request went forward, and why. */
    public CacheStatus fwd(Fwd why) {
        this.fwd = why;
        return this;
    }

    /** The status the next hop answered with. */
    public CacheStatus fwdStatus(int status) {
        this.fwdStatus = status;
        return this;
    }

    /** Remaining freshness in seconds (negative when stale). */
    public CacheStatus ttl(long seconds) {
        this.ttl = seconds;
        return this;
    }

    /** The forwarded response was stored. */
    public CacheStatus stored() {
        this.stored = true;
        return this;
    }

    /** The request was collapsed into another one for the same object. */
    public CacheStatus collapsed() {
        this.collapsed = true;
        return this;
    }

    /** Implementation detail, e.g. why a response was not stored. */
    public CacheStatus detail(String text) {
        this.detail = text;
        return this;
    }

    /** The member as sent. */
    public String build() {
        StringBuilder sb = new StringBuilder(48).append(cache);
        if (hit) {
            sb.append("; hit");
        }
        if (fwd != null) {
            sb.append("; fwd=").append(fwd.token());
        }
        if (fwdStatus >= 0) {
            sb.append("; fwd-status=").append(fwdStatus);
        }
        if (ttl != null) {
            sb.append("; ttl=").append(ttl.longValue());
        }
        if (stored) {
            sb.append("; stored");
        }
        if (collapsed) {
            sb.append("; collapsed");
        }
        if (detail != null) {
            sb.append("; detail=").append(isToken(detail) ? detail : quoted(detail));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return build();
    }

    // sf-token: ALPHA or "*" first, then tchar, ":" or "/" (RFC 8941 section 3.3.4).
    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '*')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~:/".indexOf(c) >= 0);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return sb.append('"').toString();
    }
}
