package dev.sluice.content;

import org.jspecify.annotations.Nullable;

/**
 * A page of global-meta.
 *
 * @param type only entries of this type, or null for all
 * @param published only entries in this published state, or null
 * @param deleted only entries in this deleted state, or null
 * @param page 1-based page number
 * @param pageSize entries per page (at least 1)
 * @param newestFirst order by last change, newest first (else oldest first)
 */
public record MetaQuery(
        @Nullable EntryType type,
        @Nullable Boolean published,
        @Nullable Boolean deleted,
        int page,
        int pageSize,
        boolean newestFirst) {}
