package dev.sluice.persistence;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.purge.PurgeCommand;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one writer of a database: callers queue work, one thread runs it in batches, and a batch costs
 * one commit (one fsync) however many callers it holds: group commit.
 *
 * <p>Design notes. Each work runs inside its own savepoint of the batch's transaction, so a work that
 * throws rolls back only its own writes and fails only its own caller. Purge commands a work appends
 * ({@link #appended}) are collected, and dropped again when its savepoint is rolled back. After the
 * commit they go, in sequence order, to the committed listener (the node's purge applier) before any
 * caller of the batch is released: a caller that returns has its purges applied on this node, and so
 * has every batch before it, which is why a retried request never answers before the purge of the
 * attempt it retries. A failed commit fails every caller of the batch and applies nothing; should the
 * commit have reached the disk anyway, the next batch's commands show a gap and the applier catches
 * up from the log. The queue is bounded: when it is full, callers get UNAVAILABLE at once rather than
 * piling up. The writer keeps its connection and prepared statements between batches ({@link
 * StatementCache}) and gives it back after any failure. A {@code begin} step runs first in every batch (PostgreSQL takes the log's advisory lock
 * there, so batches of several processes commit one at a time and sequences become visible in order).
 */
final class CommitQueue implements AutoCloseable {

    static final int MAX_QUEUED = 4096;
    static final int MAX_BATCH = 512;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger log = LoggerFactory.getLogger(CommitQueue.class);

    private final DataSource writer;
    private final Begin begin;
    private final ErrorMapper errors;
    private final BlockingQueue<Job<?>> queue = new ArrayBlockingQueue<>(MAX_QUEUED);
    private final List<PurgeCommand> appended = new ArrayList<>();
    private final Thread thread;
    private @Nullable StatementCache held;
    private long heldSince;
    private volatile Consumer<List<PurgeCommand>> committed = commands -> {};
    private volatile boolean closed;

    /**
     * @param writer where batches run; one connection at a time is used
     * @param begin the first statement of every batch's transaction
     * @param errors maps SQL failures to domain failures
     */
    CommitQueue(String name, DataSource writer, Begin begin, ErrorMapper errors) {
        this.writer = writer;
        this.begin = begin;
        this.errors = errors;
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Sets who gets each batch's purge commands after its commit, on the writer thread. */
    void onCommitted(Consumer<List<PurgeCommand>> listener) {
        this.committed = listener;
    }

    /** Runs the work in the next batch; returns once that batch is committed and its purges applied. */
    <T extends @Nullable Object> T write(SqlWork<T> work) {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("write from the writer thread (expected: from a caller)");
        }
        Job<T> job = new Job<>(work);
        if (closed || !queue.offer(job)) {
            throw SluiceException.unavailable(
                    "store: busy (%d writes queued)".formatted(queue.size()), RETRY_AFTER, null);
        }
        try {
            return job.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SluiceException(ErrorKind.INTERNAL, "store: interrupted while writing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SluiceException(ErrorKind.INTERNAL, "store: %s".formatted(cause), cause);
        }
    }

    /** Records a purge command appended by the work running now; writer thread only. */
    void appended(PurgeCommand command) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("append outside a write (expected: inside CommitQueue.write)");
        }
        appended.add(command);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Job<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(
                j -> j.result.completeExceptionally(SluiceException.unavailable("store: closed", RETRY_AFTER, null)));
    }

    private void run() {
        List<Job<?>> batch = new ArrayList<>();
        while (!closed) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                runBatch(batch);
            } catch (RuntimeException | Error e) {
                log.error("store writer: batch of {} failed outside its transaction", batch.size(), e);
                batch.forEach(j -> j.result.completeExceptionally(e));
            }
            batch.clear();
        }
        release();
    }

    private void runBatch(List<Job<?>> batch) {
        appended.clear();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        try {
            Connection c = connection();
            try {
                begin.run(c);
                for (Job<?> job : batch) {
                    outcomes.add(runOne(c, job));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                Database.rollbackQuietly(c);
                release();
                throw e;
            }
        } catch (SQLException e) {
            failAll(batch, errors.map(e));
            return;
        } catch (RuntimeException e) {
            failAll(batch, e);
            return;
        }
        List<PurgeCommand> commands = List.copyOf(appended);
        appended.clear();
        if (!commands.isEmpty()) {
            try {
                committed.accept(commands);
            } catch (RuntimeException e) {
                // Committed, so the callers succeeded; the purges are in the log for catch-up.
                log.error("store writer: applying {} committed purge(s) failed", commands.size(), e);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            outcomes.get(i).complete(batch.get(i));
        }
    }

    /** The writer's connection, kept (with its statements) from batch to batch until a failure. */
    private Connection connection() throws SQLException {
        StatementCache cache = held;
        long now = System.nanoTime();
        if (cache != null
                && now - heldSince > IDLE_CHECK_NANOS
                && !cache.connection().isValid(2)) {
            // A server may drop an idle connection: check one that waited long before trusting it.
            release();
            cache = null;
        }
        heldSince = now;
        if (cache == null) {
            Connection c = writer.getConnection();
            try {
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            cache = new StatementCache(c);
            held = cache;
        }
        return cache.connection();
    }

    /** Gives the connection back to the pool (which discards it if broken); the next batch takes another. */
    private void release() {
        StatementCache cache = held;
        held = null;
        if (cache != null) {
            try {
                cache.close();
            } catch (SQLException e) {
                log.warn("store writer: closing its connection failed", e);
            }
        }
    }

    private Outcome runOne(Connection c, Job<?> job) throws SQLException {
        int mark = appended.size();
        Savepoint savepoint = c.setSavepoint();
        try {
            Object value = job.work.run(c);
            c.releaseSavepoint(savepoint);
            return new Outcome(value, null);
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback(savepoint);
            } catch (SQLException broken) {
                // The connection is gone (the database went away): the whole batch fails, with the
                // work's own failure, which says why (the rollback's only says the connection closed).
                e.addSuppressed(broken);
                if (e instanceof SQLException s) {
                    throw s;
                }
                throw (RuntimeException) e;
            }
            appended.subList(mark, appended.size()).clear();
            return new Outcome(null, e instanceof SQLException s ? errors.map(s) : (RuntimeException) e);
        }
    }

    private static void failAll(List<Job<?>> batch, RuntimeException failure) {
        log.error("store writer: batch of {} not committed: {}", batch.size(), failure.getMessage());
        batch.forEach(j -> j.result.completeExceptionally(failure));
    }

    /** The first statement of every batch's transaction. */
    @FunctionalInterface
    interface Begin {
        void run(Connection c) throws SQLException;
    }

    /** Maps a driver failure to the domain's (UNAVAILABLE when the database is out of reach). */
    @FunctionalInterface
    interface ErrorMapper {
        RuntimeException map(SQLException e);
    }

    private record Outcome(@Nullable Object value, @Nullable RuntimeException failure) {

        @SuppressWarnings("unchecked")
        <T> void complete(Job<T> job) {
            if (failure != null) {
                job.result.completeExceptionally(failure);
            } else {
                job.result.complete((T) value);
            }
        }
    }

    private static final class Job<T extends @Nullable Object> {
        final SqlWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();

        Job(SqlWork<T> work) {
            this.work = work;
        }
    }
}
