package dev.sluice.persistence;

import dev.sluice.content.store.ContentQueries;
import dev.sluice.content.store.ContentRepository;
import dev.sluice.content.store.ContentTransaction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Content entries and revisions in the store's database. Writes are serialised, group committed and
 * durable on return (see {@link Database}), with the purges they imply; a failed write rolls back
 * entirely.
 */
public final class JdbcContentRepository implements ContentRepository {

    private final Database database;
    private final JdbcPurgeLog log;

    JdbcContentRepository(Database database, JdbcPurgeLog log) {
        this.database = database;
        this.log = log;
    }

    @Override
    public <T extends @Nullable Object> T read(Function<ContentQueries, T> work) {
        return database.read(connection -> work.apply(new JdbcContentTransaction(connection)));
    }

    @Override
    public <T extends @Nullable Object> T write(Function<ContentTransaction, T> work) {
        return database.write(connection -> work.apply(new JdbcContentTransaction(connection, log)));
    }
}
