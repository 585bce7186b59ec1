package dev.sluice.content.store;

import dev.sluice.content.EntryType;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The media type a page or file is served with: the pushed {@code content-type} header (or Drupal's
 * {@code content_type}), else HTML for content, else a guess from the file extension.
 */
final class ContentTypes {

    static final String HTML = "text/html; charset=utf-8";
    static final String DEFAULT = "application/octet-stream";

    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("html", HTML),
            Map.entry("htm", HTML),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("otf", "font/otf"),
            Map.entry("eot", "application/vnd.ms-fontobject"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("pdf", "application/pdf"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("map", "application/json"));

    /** Header names that carry the media type in a pushed header map. */
    static final String HEADER = "content-type";

    static final String DRUPAL_HEADER = "content_type";

    private ContentTypes() {}

    /** The media type for a revision of the given type pushed at {@code url} with these headers. */
    static String of(EntryType type, String url, Map<String, String> headers) {
        String pushed = pushed(headers);
        if (pushed != null) {
            return pushed;
        }
        return type == EntryType.CONTENT ? HTML : byExtension(url);
    }

    /** A guess from the extension of the last path segment. */
    static String byExtension(String url) {
        String name = url.substring(url.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return DEFAULT;
        }
        return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
    }

    private static @Nullable String pushed(Map<String, String> headers) {
        String value = headers.get(HEADER);
        if (value == null || value.isBlank()) {
            value = headers.get(DRUPAL_HEADER);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }
}
