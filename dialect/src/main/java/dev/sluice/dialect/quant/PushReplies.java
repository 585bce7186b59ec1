package dev.sluice.dialect.quant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.ContentPaths;
import dev.sluice.content.ContentService;
import dev.sluice.content.Entry;
import dev.sluice.content.PushResult;
import dev.sluice.content.Revision;
import dev.sluice.core.SiteId;
import dev.sluice.dialect.quant.AttachmentScanner.Attachment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The success replies of a push (spec §6.2): a superset of every documented shape, since each client
 * reads a different part. The {@code attachments} tree is always complete (Drupal and WordPress merge
 * its arrays and fail on a missing one); assets the store already publishes carry {@code
 * existing_md5} and are listed again in the SEED's {@code assets}.
 */
final class PushReplies {

    private final ContentService content;

    PushReplies(ContentService content) {
        this.content = content;
    }

    ObjectNode content(SiteId site, PushResult result, String markup) {
        ObjectNode reply = common(result, "Content created successfully");
        List<Attachment> found = AttachmentScanner.scan(result.entry().url(), markup);
        Map<String, String> existing = existing(site, found);
        ObjectNode attachments = reply.putObject("attachments");
        attachments.putArray("forms"); // forms are not scanned: always present, always empty
        ArrayNode js = attachments.putArray("js");
        ArrayNode css = attachments.putArray("css");
        ObjectNode media = attachments.putObject("media");
        ArrayNode images = media.putArray("images");
        ArrayNode documents = media.putArray("documents");
        ArrayNode video = media.putArray("video");
        ArrayNode audio = media.putArray("audio");
        ArrayNode assets = reply.putArray("assets");
        for (Attachment a : found) {
            ArrayNode group = switch (a.group()) {
                case JS -> js;
                case CSS -> css;
                case IMAGES -> images;
                case DOCUMENTS -> documents;
                case VIDEO -> video;
                case AUDIO -> audio;
            };
            ObjectNode item = group.addObject();
            item.put("path", a.path()).put("full_path", a.path()).put("original_path", a.original());
            String md5 = existing.get(ContentPaths.canonical(a.path()));
            if (md5 != null) {
                item.put("existing_md5", md5);
                assets.addObject().put("url", a.path()).put("md5", md5);
            }
        }
        return reply;
    }

    ObjectNode file(PushResult result) {
        return common(result, "File uploaded successfully");
    }

    private static ObjectNode common(PushResult result, String message) {
        Entry entry = result.entry();
        Revision revision = result.revision();
        ObjectNode reply = QuantReplies.meta(entry)
                .put("md5", revision.md5())
                .put("revision_number", revision.number())
                .put("date_timestamp", revision.dateTimestamp())
                .put("quant_revision", revision.number())
                .put("quant_filename", filename(entry.url()))
                .put("revision", revision.number())
                .put("message", message);
        return QuantReplies.succeeded(reply);
    }

    /** The published MD5 of each found asset the store has, by canonical path. */
    private Map<String, String> existing(SiteId site, List<Attachment> found) {
        Map<String, String> md5s = new HashMap<>();
        if (found.isEmpty()) {
            return md5s;
        }
        for (Entry e :
                content.urlMeta(site, found.stream().map(Attachment::path).toList())) {
            if (e.published() && !e.deleted() && !e.publishedMd5().isEmpty()) {
                md5s.put(e.canonicalPath(), e.publishedMd5());
            }
        }
        return md5s;
    }

    /** The stored file's name: the last segment, or {@code index.html} for a page path. */
    static String filename(String url) {
        String last = url.substring(url.lastIndexOf('/') + 1);
        return last.contains(".") ? last : "index.html";
    }
}
