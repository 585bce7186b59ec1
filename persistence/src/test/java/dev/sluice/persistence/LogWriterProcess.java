package dev.sluice.persistence;

import dev.sluice.core.Clock;
import java.time.Duration;

/**
 * A second Sluice-like process for {@link PostgresTwoProcessWritersTest}: opens its own store on the
 * given PostgreSQL database and appends purges with its prefix, from several threads, then exits.
 */
public final class LogWriterProcess {

    private LogWriterProcess() {}

    /** Arguments: JDBC URL, user, id prefix, count. */
    public static void main(String[] args) throws Exception {
        PostgresStore.Settings settings =
                new PostgresStore.Settings(args[0], args[1], "", 4, Duration.ofSeconds(5), null);
        int count = Integer.parseInt(args[3]);
        try (PostgresStore store = PostgresStore.open(settings, Clock.system(), 1024, true);
                java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            java.util.List<java.util.concurrent.Future<?>> appends = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = args[2] + i;
                appends.add(pool.submit(() -> store.purgeLog().append(id, PurgeLogContract.exact("/" + id))));
            }
            for (java.util.concurrent.Future<?> f : appends) {
                f.get();
            }
        }
    }
}
