package dev.sluice.purge;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscribers of a {@link PurgeFeed}: each committed command goes to each of them in order. A
 * subscriber that throws is logged and does not stop the others or fail the commit: the command is in
 * the log, and a subscriber that missed it catches up from there.
 */
public final class FeedListeners implements PurgeFeed {

    private static final Logger log = LoggerFactory.getLogger(FeedListeners.class);

    private final List<Consumer<PurgeCommand>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public AutoCloseable subscribe(Consumer<PurgeCommand> listener) {
        // A fresh wrapper per subscription, so subscribing one listener twice needs two closes.
        Consumer<PurgeCommand> entry = c -> listener.accept(c);
        listeners.add(entry);
        return () -> listeners.remove(entry);
    }

    /** Tells every subscriber of the commands, in order. */
    public void announce(List<PurgeCommand> commands) {
        for (PurgeCommand command : commands) {
            for (Consumer<PurgeCommand> l : listeners) {
                try {
                    l.accept(command);
                } catch (RuntimeException e) {
                    log.error("purge {} seq {}: subscriber {} failed", command.id(), command.seq(), l, e);
                }
            }
        }
    }
}
