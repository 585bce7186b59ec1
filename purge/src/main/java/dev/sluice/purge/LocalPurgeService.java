package dev.sluice.purge;

import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node {@link PurgeService}: validates the request, appends it to the log, applies it to
 * this node's cache, then returns (read-your-purge). Submits are serialised so sequences are applied
 * in the order the log gave them; a gap (another writer appended to a shared log) is caught up first.
 */
public final class LocalPurgeService implements PurgeService {

    private static final Logger log = LoggerFactory.getLogger(LocalPurgeService.class);

    private final PurgeLog purgeLog;
    private final PurgeApplier applier;
    private final Supplier<String> ids;

    /** A service with random UUID ids. */
    public LocalPurgeService(PurgeLog purgeLog, PurgeApplier applier) {
        this(purgeLog, applier, () -> UUID.randomUUID().toString());
    }

    public LocalPurgeService(PurgeLog purgeLog, PurgeApplier applier, Supplier<String> ids) {
        this.purgeLog = purgeLog;
        this.applier = applier;
        this.ids = ids;
    }

    @Override
    public PurgeCommand submit(PurgeRequest request) {
        // Validate before logging: the log must hold only requests every node can apply.
        request.matchers().forEach(CompiledMatcher::compile);
        PurgeCommand command;
        synchronized (this) {
            command = purgeLog.append(ids.get(), request);
            applier.accept(command, purgeLog);
        }
        log.info(
                "purge {} seq {} site {} {} {}",
                command.id(),
                command.seq(),
                request.site(),
                request.mode(),
                request.matchers());
        return command;
    }
}
