package dev.sluice.dialect.quant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentPush;
import dev.sluice.content.ContentService;
import dev.sluice.content.EdgePurge;
import dev.sluice.content.EntryType;
import dev.sluice.content.PushResult;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /v1} (and its aliases {@code /markup}, {@code /file}): a page as JSON (§1.2) or a file
 * upload (§1.3), told apart by {@code Quant-File-Url}. A body equal to the published revision records
 * nothing and answers 200 with Quant's "already" error, the phrases clients recognise. Any other push
 * purges the path from the edge in its own transaction, unless {@code Quant-Skip-Purge} asks not to.
 */
final class ContentRoutes {

    private final ContentService content;
    private final PushReplies replies;

    ContentRoutes(ContentService content) {
        this.content = content;
        this.replies = new PushReplies(content);
    }

    WireResponse push(SiteId site, QuantCall call) {
        String fileUrl = call.header("Quant-File-Url");
        if (fileUrl != null) {
            return file(site, call, fileUrl);
        }
        if (FileUpload.boundary(call.request()) != null) {
            throw SluiceException.badRequest("Quant-File-Url: missing (expected: the URL of the uploaded file)");
        }
        return markup(site, call);
    }

    private WireResponse markup(SiteId site, QuantCall call) {
        ObjectNode body = QuantJson.readObject(call.request().body());
        String url = ContentPaths.validated(JsonFields.text(body, "url"));
        String markup = JsonFields.text(body, "content");
        InputStream bytes = new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8));
        PushResult result = content.push(
                site,
                new ContentPush(
                        EntryType.CONTENT,
                        url,
                        JsonFields.flag(body, "published", true),
                        bytes,
                        JsonFields.strings(body, "headers", true),
                        JsonFields.strings(body, "info", false),
                        null,
                        0,
                        null,
                        null,
                        null,
                        JsonFields.optionalLong(body, "content_timestamp")),
                edgePurge(call));
        if (result.unchanged()) {
            return QuantJson.ok(QuantReplies.error(
                    "Published version already has md5: " + result.revision().md5()));
        }
        return QuantJson.ok(replies.content(site, result, markup));
    }

    private WireResponse file(SiteId site, QuantCall call, String rawUrl) {
        String url = ContentPaths.validated(rawUrl.trim());
        Map<String, String> headers = fileHeaders(call.header("Quant-File-Headers"));
        PushResult result = FileUpload.read(
                call.request(),
                in -> content.push(
                        site,
                        new ContentPush(
                                EntryType.FILE, url, true, in, headers, Map.of(), null, 0, null, null, null, null),
                        edgePurge(call)));
        if (result.unchanged()) {
            return QuantJson.ok(QuantReplies.error("MD5 already matches existing file."));
        }
        return QuantJson.ok(replies.file(result));
    }

    private static EdgePurge edgePurge(QuantCall call) {
        return call.skipPurge() ? EdgePurge.SKIP : EdgePurge.PURGE;
    }

    /** {@code Quant-File-Headers}: a JSON object of response headers. */
    static Map<String, String> fileHeaders(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = QuantJson.MAPPER.readTree(header);
        } catch (JacksonException e) {
            throw SluiceException.badRequest(
                    "Quant-File-Headers: malformed JSON (%s)".formatted(e.getOriginalMessage()));
        }
        if (!(node instanceof ObjectNode object)) {
            throw SluiceException.badRequest("Quant-File-Headers: %s (expected: a JSON object)".formatted(header));
        }
        ObjectNode wrapper = QuantJson.object();
        wrapper.set("Quant-File-Headers", object);
        return JsonFields.strings(wrapper, "Quant-File-Headers", true);
    }
}
