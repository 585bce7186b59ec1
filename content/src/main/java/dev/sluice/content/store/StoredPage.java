package dev.sluice.content.store;

import java.util.List;

/**
 * One page of entries and the number matching the whole query.
 *
 * @param entries the page, in the query's order
 * @param totalRecords entries matching the filters
 */
public record StoredPage(List<StoredEntry> entries, long totalRecords) {

    public StoredPage {
        entries = List.copyOf(entries);
    }
}
