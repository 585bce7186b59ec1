package dev.sluice.purge;

import java.util.function.Consumer;

/**
 * News of purge log commits, for whoever applies them (this node's cache, a transport that carries
 * them to other nodes). Listeners are called after the commit, in sequence order, on the committing
 * thread and before the writer is answered; a listener that throws is logged and does not stop the
 * others. News may still be lost (a crash between commit and news); the log stays the source of
 * truth, and {@link PurgeApplier#accept} catches up from it on a gap.
 */
public interface PurgeFeed {

    /** Calls the listener with every command committed from now on; close the result to stop. */
    AutoCloseable subscribe(Consumer<PurgeCommand> listener);
}
