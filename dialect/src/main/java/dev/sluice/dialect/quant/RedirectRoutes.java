package dev.sluice.dialect.quant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentPush;
import dev.sluice.content.ContentService;
import dev.sluice.content.EntryType;
import dev.sluice.content.PushResult;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/redirect} (§1.10) and {@code POST /v1/proxy} (§1.11): records that send a path
 * elsewhere. Both purge the path from the edge.
 *
 * <p>A redirect without {@code redirect_http_code} gets 301. The spec's §1.10 has the OAS make the
 * code required and quant-cli 1.12 always send one (its own default, 302, is applied client-side);
 * the only statement of what the server does when the code is absent is Quant's Content API page
 * (the SEED: "HTTP status code (default: 301)"), so Sluice follows it. Codes outside 300-399 are
 * refused.
 */
final class RedirectRoutes {

    static final int DEFAULT_REDIRECT_CODE = 301;

    private final ContentService content;

    RedirectRoutes(ContentService content) {
        this.content = content;
    }

    WireResponse redirect(SiteId site, QuantCall call) {
        ObjectNode body = QuantJson.readObject(call.request().body());
        String url = ContentPaths.validated(JsonFields.text(body, "url"));
        String target = target("redirect_url", JsonFields.text(body, "redirect_url"));
        Long code = JsonFields.optionalLong(body, "redirect_http_code");
        int status = code == null ? DEFAULT_REDIRECT_CODE : code.intValue();
        if (code != null && (code < 300 || code > 399)) {
            throw SluiceException.badRequest("redirect_http_code: %d (expected: 300-399)".formatted(code));
        }
        PushResult result = content.push(
                site,
                new ContentPush(
                        EntryType.REDIRECT,
                        url,
                        JsonFields.flag(body, "published", true),
                        null,
                        Map.of(),
                        JsonFields.strings(body, "info", false),
                        target,
                        status,
                        null,
                        null,
                        null,
                        JsonFields.optionalLong(body, "content_timestamp")));
        ObjectNode reply = reply(result, "Redirect created successfully")
                .put("redirect_url", target)
                .put("redirect_http_code", status)
                // The OAS types it as a string here; clients only print it.
                .put("highest_revision_number", Integer.toString(result.entry().highestRevisionNumber()));
        return QuantJson.ok(reply);
    }

    WireResponse proxy(SiteId site, QuantCall call) {
        ObjectNode body = QuantJson.readObject(call.request().body());
        String url = ContentPaths.validated(JsonFields.text(body, "url"));
        String destination = absolute("destination", JsonFields.text(body, "destination"));
        PushResult result = content.push(
                site,
                new ContentPush(
                        EntryType.PROXY,
                        url,
                        JsonFields.flag(body, "published", true),
                        null,
                        Map.of(),
                        JsonFields.strings(body, "info", false),
                        null,
                        0,
                        destination,
                        JsonFields.optionalText(body, "basic_auth_user"),
                        JsonFields.optionalText(body, "basic_auth_pass"),
                        null));
        return QuantJson.ok(reply(result, "Proxy created successfully").put("destination", destination));
    }

    private static ObjectNode reply(PushResult result, String message) {
        ObjectNode reply = QuantReplies.revision(result.entry(), result.revision())
                .put("quant_revision", result.revision().number())
                .put("message", message);
        return QuantReplies.succeeded(reply);
    }

    /** A redirect target: a site path or an absolute http(s) URL. */
    private static String target(String field, String value) {
        String v = value.trim();
        return v.startsWith("/") && !v.startsWith("//") ? checked(field, v) : absolute(field, v);
    }

    private static String absolute(String field, String value) {
        String v = checked(field, value.trim());
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return v;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw SluiceException.badRequest("%s: %s (expected: an absolute http(s) URL)".formatted(field, value));
    }

    private static String checked(String field, String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw SluiceException.badRequest("%s: %s (expected: a path or an http(s) URL)".formatted(field, value));
        }
        return value;
    }
}
