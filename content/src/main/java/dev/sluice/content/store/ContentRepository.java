package dev.sluice.content.store;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where the content store keeps entries and revisions: the persistence SPI that {@link
 * StoreContentService} needs. Implementations run {@link #write} work one at a time, in a
 * transaction that commits (durably) when the work returns and rolls back when it throws, so a push
 * is all or nothing. Reads never wait for writes and see only committed state.
 */
public interface ContentRepository {

    /** Runs read-only work against committed state. */
    <T extends @Nullable Object> T read(Function<ContentQueries, T> work);

    /** Runs work in one serialised transaction, committed durably before this returns. */
    <T extends @Nullable Object> T write(Function<ContentTransaction, T> work);
}
