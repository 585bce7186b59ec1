package dev.sluice.dialect.quant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.Entry;
import dev.sluice.content.Revision;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The Quant reply shapes for entries and revisions (spec §1.2-1.12, §6.2, §6.8): every field any
 * Quant client reads, under the names they read it by.
 */
final class QuantReplies {

    private static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private QuantReplies() {}

    /**
     * An entry as Quant's {@code meta}: {@code md5} and {@code published_md5} are the published
     * revision's (v6 compares one, older clients the other), the latest revision's when none is live.
     */
    static ObjectNode meta(Entry entry) {
        Revision current = entry.current();
        String md5 = entry.publishedMd5().isEmpty() ? current.md5() : entry.publishedMd5();
        ObjectNode meta = QuantJson.object()
                .put("url", entry.url())
                .put("type", entry.type().wireName())
                .put("seq_num", entry.seqNum())
                .put("published", entry.published())
                .put("published_revision", entry.publishedRevision())
                .put("published_md5", md5)
                .put("md5", md5)
                .put("byte_length", entry.byteLength())
                .put("revision_count", entry.revisionCount())
                .put("highest_revision_number", entry.highestRevisionNumber())
                .put("revision_number", current.number())
                .put("date_timestamp", current.dateTimestamp())
                .put("deleted", entry.deleted())
                .put("deleted_timestamp", entry.deletedTimestamp());
        meta.putArray("transitions");
        targets(meta, current);
        return meta;
    }

    /** A global-meta record: {@code {last_modified, meta}}. */
    static ObjectNode record(Entry entry) {
        ObjectNode record = QuantJson.object().put("last_modified", lastModified(entry.lastModifiedEpochSeconds()));
        record.set("meta", meta(entry));
        return record;
    }

    /** A revision of an entry, as {@code GET /v1/revisions/{n}} and the state changes return it. */
    static ObjectNode revision(Entry entry, Revision revision) {
        ObjectNode node = QuantJson.object()
                .put("url", entry.url())
                .put("type", revision.type().wireName())
                .put("md5", revision.md5())
                .put("byte_length", revision.byteLength())
                .put("revision_number", revision.number())
                .put("date_timestamp", revision.dateTimestamp())
                .put("published", entry.published() && entry.publishedRevision() == revision.number())
                .put("published_revision", entry.publishedRevision())
                .put("highest_revision_number", entry.highestRevisionNumber())
                .put("deleted", entry.deleted())
                .put("deleted_timestamp", entry.deletedTimestamp());
        node.putArray("transitions");
        strings(node.putObject("info"), revision.info());
        strings(node.putObject("headers"), revision.headers());
        targets(node, revision);
        return node;
    }

    /** Quant's error body (§6.3): {@code error} for 1.12, {@code errorMsg} for it and quant-go. */
    static ObjectNode error(String message) {
        return QuantJson.object().put("error", true).put("errorMsg", message).put("message", message);
    }

    /** Marks a reply as a success for 1.12's checks: {@code error:false, errorMsg:""}. */
    static ObjectNode succeeded(ObjectNode reply) {
        return reply.put("error", false).put("errorMsg", "");
    }

    static String lastModified(long epochSeconds) {
        return LAST_MODIFIED.format(Instant.ofEpochSecond(epochSeconds));
    }

    private static void targets(ObjectNode node, Revision revision) {
        if (revision.contentTimestamp() != null) {
            node.put("content_timestamp", revision.contentTimestamp());
        }
        if (revision.redirectUrl() != null) {
            node.put("redirect_url", revision.redirectUrl()).put("redirect_http_code", revision.redirectCode());
        }
        if (revision.proxyDestination() != null) {
            node.put("destination", revision.proxyDestination());
            if (revision.proxyUser() != null) {
                node.put("basic_auth_user", revision.proxyUser()); // never the password
            }
        }
    }

    private static void strings(ObjectNode node, Map<String, String> values) {
        values.forEach(node::put);
    }
}
