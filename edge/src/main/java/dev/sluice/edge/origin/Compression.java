package dev.sluice.edge.origin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Which bodies get a gzip representation, computed once at fill. Text, scripts, JSON, XML and SVG
 * compress well; images, fonts (woff/woff2 are compressed already), wasm and archives do not. Bodies
 * under 1 KiB are left alone: the header costs more than the bytes saved.
 */
public final class Compression {

    /** Smallest body worth compressing. */
    public static final int MIN_BYTES = 1024;

    private Compression() {}

    /** Whether responses of this media type (parameters allowed) get gzip and {@code Vary: Accept-Encoding}. */
    public static boolean compressible(String contentType) {
        int semi = contentType.indexOf(';');
        String type =
                (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.endsWith("+json")
                || type.endsWith("+xml")
                || switch (type) {
                    case "application/javascript",
                            "application/x-javascript",
                            "application/ecmascript",
                            "application/json",
                            "application/xml",
                            "application/x-yaml",
                            "application/yaml",
                            "image/svg+xml",
                            "image/x-icon",
                            "image/vnd.microsoft.icon" -> true;
                    default -> false;
                };
    }

    /** The gzip form of the body, or null when it is too small or does not shrink. */
    public static byte @Nullable [] gzip(byte[] body) {
        if (body.length < MIN_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
        byte[] compressed = out.toByteArray();
        return compressed.length < body.length ? compressed : null;
    }
}
