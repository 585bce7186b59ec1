package dev.sluice.content;

import java.util.List;

/**
 * One page of entries and the totals of the whole query.
 *
 * @param entries this page's entries
 * @param totalRecords entries matching the query
 * @param page the page number
 * @param pageSize the page size used
 */
public record MetaPage(List<Entry> entries, long totalRecords, int page, int pageSize) {

    /** Pages needed for all matching entries (0 when none). */
    public long totalPages() {
        return (totalRecords + pageSize - 1) / pageSize;
    }
}
