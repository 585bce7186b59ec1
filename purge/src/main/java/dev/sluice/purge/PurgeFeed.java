package dev.sluice.purge;

import java.util.function.Consumer;

/**
 * News of purge log appends, for whoever applies them elsewhere (another cache, a transport that
 * carries them to other nodes). News may be late or lost; the log stays the source of truth, and
 * {@link PurgeApplier#accept} catches up from it on a gap.
 */
public interface PurgeFeed {

    /** Calls the listener with every command appended from now on; close the result to stop. */
    AutoCloseable subscribe(Consumer<PurgeCommand> listener);
}
