package dev.sluice.content.store;

import dev.sluice.core.SluiceException;
import java.util.Locale;

/** Quant's revision selectors: {@code published}, {@code first}, {@code last}/{@code latest}, or a number. */
final class RevisionSelectors {

    private RevisionSelectors() {}

    /** The revision number the selector names in this entry; NOT_FOUND when it names none. */
    static int number(EntryState entry, String selector) {
        int number = switch (selector.strip().toLowerCase(Locale.ROOT)) {
            case "published" -> entry.live() ? entry.publishedRevision() : 0;
            case "first" -> entry.firstRevision();
            case "last", "latest" -> entry.highestRevision();
            default -> parse(selector);
        };
        if (!entry.hasRevision(number)) {
            throw SluiceException.notFound("Revision not found");
        }
        return number;
    }

    private static int parse(String selector) {
        try {
            return Integer.parseInt(selector.strip());
        } catch (NumberFormatException e) {
            throw SluiceException.badRequest(
                    "revision: %s (expected: published, first, last, latest or a number)".formatted(selector));
        }
    }
}
