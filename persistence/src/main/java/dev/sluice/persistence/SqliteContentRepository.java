package dev.sluice.persistence;

import dev.sluice.content.store.ContentQueries;
import dev.sluice.content.store.ContentRepository;
import dev.sluice.content.store.ContentTransaction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Content entries and revisions in the embedded SQLite database. Writes are serialised and durable
 * on return (see {@link SqliteDatabase}); a failed write rolls back entirely.
 */
public final class SqliteContentRepository implements ContentRepository {

    private final SqliteDatabase database;

    SqliteContentRepository(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public <T extends @Nullable Object> T read(Function<ContentQueries, T> work) {
        return database.read(connection -> work.apply(new JdbcContentTransaction(connection)));
    }

    @Override
    public <T extends @Nullable Object> T write(Function<ContentTransaction, T> work) {
        return database.write(connection -> work.apply(new JdbcContentTransaction(connection)));
    }
}
