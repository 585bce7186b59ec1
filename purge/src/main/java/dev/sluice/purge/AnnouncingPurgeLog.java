package dev.sluice.purge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps any {@link PurgeLog} and announces each append to in-process subscribers, after it is
 * durable. A subscriber that throws is logged and does not stop the others or fail the append: the
 * purge is already in the log, and a subscriber that missed it catches up from there.
 */
public final class AnnouncingPurgeLog implements PurgeLog, PurgeFeed {

    private static final Logger log = LoggerFactory.getLogger(AnnouncingPurgeLog.class);

    private final PurgeLog delegate;
    private final List<Consumer<PurgeCommand>> listeners = new CopyOnWriteArrayList<>();

    public AnnouncingPurgeLog(PurgeLog delegate) {
        this.delegate = delegate;
    }

    @Override
    public PurgeCommand append(String id, PurgeRequest request) {
        PurgeCommand command = delegate.append(id, request);
        for (Consumer<PurgeCommand> l : listeners) {
            try {
                l.accept(command);
            } catch (RuntimeException e) {
                log.error("purge {} seq {}: subscriber {} failed", command.id(), command.seq(), l, e);
            }
        }
        return command;
    }

    @Override
    public List<PurgeCommand> readAfter(long afterSeq, int limit) {
        return delegate.readAfter(afterSeq, limit);
    }

    @Override
    public long lastSeq() {
        return delegate.lastSeq();
    }

    @Override
    public AutoCloseable subscribe(Consumer<PurgeCommand> listener) {
        // A fresh wrapper per subscription, so subscribing one listener twice needs two closes.
        Consumer<PurgeCommand> entry = c -> listener.accept(c);
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }
}
