package dev.sluice.dialect.quantil;

import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** QUANTIL's XML replies: {@code <response><code>..</code><message>..</message></response>}. */
final class QuantilXml {

    static final String TYPE = "application/xml; charset=utf-8";

    private QuantilXml() {}

    static WireResponse reply(int status, String xml) {
        return new WireResponse(
                status,
                WireHeaders.of("Content-Type", TYPE),
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml).getBytes(StandardCharsets.UTF_8));
    }

    static WireResponse error(int status, @Nullable String code, String message) {
        String c = code != null
                ? code
                : switch (status) {
                    case 400 -> "InvalidRequest";
                    case 401 -> "AuthenticationFailed";
                    case 403 -> "Forbidden";
                    case 404 -> "NotFound";
                    case 405 -> "MethodNotAllowed";
                    case 413 -> "RequestBodyTooLarge";
                    case 429 -> "RequestLimitExceeded";
                    default -> "InternalError";
                };
        return reply(
                status,
                "<response><code>%s</code><message>%s</message></response>".formatted(escape(c), escape(message)));
    }

    static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '?' : c);
            }
        }
        return out.toString();
    }
}
