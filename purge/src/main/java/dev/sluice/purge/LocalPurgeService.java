package dev.sluice.purge;

import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single-node {@link PurgeService}: validates the request and appends it to the log; the log
 * announces each commit to this node's {@link PurgeApplier} before the append returns, so when
 * {@link #submit} returns the purge is durable and applied here (read-your-purge), once the applier
 * follows the log ({@link PurgeApplier#follow}).
 */
public final class LocalPurgeService implements PurgeService {

    private static final Logger log = LoggerFactory.getLogger(LocalPurgeService.class);

    private final PurgeLog purgeLog;
    private final Supplier<String> ids;

    /** A service with random UUID ids. */
    public LocalPurgeService(PurgeLog purgeLog) {
        this(purgeLog, () -> UUID.randomUUID().toString());
    }

    public LocalPurgeService(PurgeLog purgeLog, Supplier<String> ids) {
        this.purgeLog = purgeLog;
        this.ids = ids;
    }

    /**
     * A service whose applier follows the log for as long as both live (tools and tests; a node
     * closes the subscription it gets from {@link PurgeApplier#follow} instead).
     */
    @SuppressWarnings("MustBeClosedChecker")
    public static LocalPurgeService following(PurgeLog purgeLog, PurgeApplier applier) {
        AutoCloseable _ = applier.follow(purgeLog);
        return new LocalPurgeService(purgeLog);
    }

    @Override
    public PurgeCommand submit(PurgeRequest request) {
        // Validate before logging: the log must hold only requests every node can apply.
        request.matchers().forEach(CompiledMatcher::compile);
        PurgeCommand command = purgeLog.append(ids.get(), request);
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
