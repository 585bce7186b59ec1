package dev.sluice.dialect.quant;

import static dev.sluice.dialect.quant.QuantErrors.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.content.ContentService;
import dev.sluice.content.Entry;
import dev.sluice.content.Revision;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import java.util.List;

/**
 * The routes on one path's revisions, all addressed by {@code Quant-Url}: read one or all (§1.4,
 * §1.5), unpublish (§1.8), publish an earlier one (§1.9), delete them all (§1.12). The state changes
 * purge the path from the edge in the same transaction, applied before they answer.
 */
final class RevisionRoutes {

    private final ContentService content;

    RevisionRoutes(ContentService content) {
        this.content = content;
    }

    /** {@code GET /revisions/{published|first|last|latest|<n>}}: the revision, with a top-level md5. */
    WireResponse revision(SiteId site, QuantCall call) {
        String url = call.quantUrl();
        String selector = selector(call.param("selector"));
        Revision revision = resource(() -> content.revision(site, url, selector));
        Entry entry = resource(() -> content.entry(site, url));
        return QuantJson.ok(QuantReplies.succeeded(QuantReplies.revision(entry, revision)));
    }

    /** {@code GET /revisions}: every revision by number, and the entry's state. */
    WireResponse revisions(SiteId site, QuantCall call) {
        String url = call.quantUrl();
        List<Revision> revisions = resource(() -> content.revisions(site, url));
        Entry entry = resource(() -> content.entry(site, url));
        ObjectNode reply = QuantJson.object();
        ObjectNode byNumber = reply.putObject("revisions");
        revisions.forEach(r -> byNumber.set(Integer.toString(r.number()), QuantReplies.revision(entry, r)));
        reply.put("url", entry.url())
                .put("published", entry.published())
                .put("published_revision", entry.publishedRevision())
                .put("highest_revision_number", entry.highestRevisionNumber())
                .put("seq_num", entry.seqNum());
        reply.putArray("transitions");
        return QuantJson.ok(QuantReplies.succeeded(reply));
    }

    /** {@code PATCH /unpublish}: the path answers 404 from now on. */
    WireResponse unpublish(SiteId site, QuantCall call) {
        String url = call.quantUrl();
        Entry entry;
        try {
            entry = resource(() -> content.unpublish(site, url));
        } catch (SluiceException e) {
            // The wording Drupal and quant-cli v6 recognise as "nothing to do".
            throw e.kind() == ErrorKind.CONFLICT
                    ? new SluiceException(ErrorKind.CONFLICT, "Resource is already unpublished.", e)
                    : e;
        }
        return changed(entry, "Content unpublished successfully");
    }

    /** {@code PATCH /publish/{revision}}: makes that revision the live one. */
    WireResponse publish(SiteId site, QuantCall call) {
        String url = call.quantUrl();
        int number = revisionNumber(call.param("revision"), "a revision number >= 1");
        Entry entry = resource(() -> content.publish(site, url, number));
        return changed(entry, "Revision %d published successfully".formatted(number));
    }

    /** {@code DELETE /delete/all}: v6 reads {@code meta[0].deleted} and {@code deleted_timestamp}. */
    WireResponse deleteAll(SiteId site, QuantCall call) {
        String url = call.quantUrl();
        Entry entry = resource(() -> content.deleteAll(site, url));
        // No "errors" key, even empty: quant-cli 1.12 treats its presence as a failure.
        ObjectNode reply = QuantReplies.succeeded(QuantJson.object());
        reply.putArray("meta")
                .add(QuantReplies.revision(entry, entry.current())
                        .put("deleted", true)
                        .put("deleted_timestamp", entry.deletedTimestamp()));
        return QuantJson.ok(reply.put("message", "Content deleted successfully"));
    }

    private static WireResponse changed(Entry entry, String message) {
        ObjectNode reply = QuantReplies.revision(entry, entry.current()).put("message", message);
        return QuantJson.ok(QuantReplies.succeeded(reply));
    }

    private static String selector(String raw) {
        return switch (raw) {
            case "published", "first", "last", "latest" -> raw;
            default ->
                Integer.toString(revisionNumber(raw, "published, first, last, latest or a revision number >= 1"));
        };
    }

    private static int revisionNumber(String raw, String expected) {
        try {
            int n = Integer.parseInt(raw);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw SluiceException.badRequest("revision: %s (expected: %s)".formatted(raw, expected));
    }
}
