package dev.sluice.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.sluice.core.Clock;
import dev.sluice.core.SiteId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory {@link CacheStore}: Caffeine (W-TinyLFU) bounded by a byte budget, with the purge
 * state of {@link PurgeState} checked at every lookup.
 *
 * <p>Design notes. Every purge is O(1) or O(matching keys) at issue: exact keys and tags and sites
 * record marks, prefixes, globs and regexes append a rule ({@link SitePurgeState}). Lookups check an
 * entry only when its site had a purge newer than the entry's watermark. Memory of purged objects is
 * reclaimed at their next lookup, by {@link #sweep}, which the owner calls periodically on its own
 * executor, or by eviction. Caffeine's ticker is the injected clock and it runs maintenance on the
 * calling thread, so tests are deterministic; objects expire from Caffeine once past their last stale
 * window plus {@link MemoryCacheSettings#keepAfterStale()}, so expired objects stay revalidatable for
 * a while. Thread-safe: lookups, fills, purges and one sweeper may run concurrently.
 */
public final class MemoryCacheStore implements CacheStore {

    private final Clock clock;
    private final long keepNanos;
    private final Cache<CacheKey, CacheEntry> cache;
    private final PurgeState purges;
    private final Sweeper sweeper;
    private final LongAdder evictions = new LongAdder();
    private final LongAdder expirations = new LongAdder();
    private final LongAdder purgeRemovals = new LongAdder();
    private final LongAdder droppedFills = new LongAdder();

    public MemoryCacheStore(Clock clock, long maxBytes) {
        this(clock, MemoryCacheSettings.of(maxBytes));
    }

    public MemoryCacheStore(Clock clock, MemoryCacheSettings settings) {
        this.clock = clock;
        this.keepNanos = settings.keepAfterStale().toNanos();
        this.purges = new PurgeState(settings.maxRulesPerSite());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(settings.maxBytes())
                .weigher((CacheKey k, CacheEntry e) -> (int) Math.min(Integer.MAX_VALUE, e.response.weight()))
                .expireAfter(Expiry.writing((CacheKey k, CacheEntry e) -> retention(e)))
                .ticker(clock::nanoTime)
                .executor(Runnable::run)
                .evictionListener(this::onEviction)
                .build();
        this.sweeper = new Sweeper(cache.asMap(), purges, new Counting());
    }

    @Override
    public long fillToken() {
        return purges.appliedSeq();
    }

    @Override
    public @Nullable CacheHit get(CacheKey key) {
        CacheEntry e = cache.getIfPresent(key);
        if (e == null) {
            return null;
        }
        if (!purges.check(e, false)) {
            removePurged(e);
            return null;
        }
        return Lifetimes.hit(e.response, e.softStaleAt(), clock.nanoTime());
    }

    @Override
    public boolean put(CacheKey key, CachedResponse response, long fillToken) {
        Lifetimes.validate(response);
        long applied = purges.appliedSeq();
        if (fillToken < 0 || fillToken > applied) {
            throw new IllegalArgumentException("fillToken: %s (expected: 0-%s)".formatted(fillToken, applied));
        }
        CacheEntry e = new CacheEntry(key, response, fillToken);
        if (!purges.check(e, true)) {
            droppedFills.increment();
            return false;
        }
        cache.put(key, e);
        return true;
    }

    @Override
    public void purgeKey(CacheKey key, PurgeMode mode, long seq) {
        long now = clock.nanoTime();
        if (purges.apply(key.site(), seq, s -> s.purgeKey(key.target(), mode, seq, now))) {
            CacheEntry e = cache.getIfPresent(key);
            // HARD frees the memory now; SOFT is recorded on the entry at its next lookup.
            if (e != null && mode == PurgeMode.HARD && !purges.check(e, false)) {
                removePurged(e);
            }
        }
    }

    @Override
    public void purgeTag(SiteId site, String tag, PurgeMode mode, long seq) {
        long now = clock.nanoTime();
        purges.apply(site, seq, s -> s.purgeTag(tag, mode, seq, now));
    }

    @Override
    public void purgeSite(SiteId site, PurgeMode mode, long seq) {
        long now = clock.nanoTime();
        purges.apply(site, seq, s -> s.purgeSite(mode, seq, now));
    }

    @Override
    public void purgeMatching(SiteId site, Predicate<String> target, String description, PurgeMode mode, long seq) {
        PurgeRule rule = new PurgeRule(seq, e -> target.test(e.key.target()), description, mode, clock.nanoTime());
        purges.apply(site, seq, s -> s.addRule(rule));
    }

    @Override
    public void purgeVariants(CacheKey key, Map<String, String> requestHeaders, PurgeMode mode, long seq) {
        String target = key.target();
        Map<String, String> headers = Map.copyOf(requestHeaders);
        PurgeRule rule = new PurgeRule(
                seq,
                e -> e.key.target().equals(target)
                        && !e.response.isVaryMarker()
                        && Variants.selectedBy(e.key.variant(), headers),
                "variants of " + target + " selected by " + headers,
                mode,
                clock.nanoTime());
        purges.apply(key.site(), seq, s -> s.addRule(rule));
    }

    /**
     * Checks up to {@code budget} entries against pending purges, removing what is purged or past
     * use, and retires pending rules when a pass over the whole cache completes. Call it periodically
     * from one background thread.
     */
    public SweepResult sweep(int budget) {
        return sweeper.sweep(budget, clock.nanoTime());
    }

    @Override
    public void startAt(long seq) {
        purges.resetTo(seq);
        cache.invalidateAll();
    }

    @Override
    public long appliedSeq() {
        return purges.appliedSeq();
    }

    @Override
    public long size() {
        return cache.estimatedSize();
    }

    @Override
    public long weightedSize() {
        return cache.policy()
                .eviction()
                .flatMap(e -> e.weightedSize().stream().boxed().findFirst())
                .orElse(0L);
    }

    /** Counters for metrics. */
    public MemoryCacheStats stats() {
        return new MemoryCacheStats(
                size(),
                weightedSize(),
                evictions.sum(),
                expirations.sum(),
                purgeRemovals.sum(),
                droppedFills.sum(),
                purges.pendingRules(),
                purges.foldedRules(),
                purges.marks(),
                purges.appliedSeq());
    }

    /** Runs Caffeine's pending maintenance (evictions, expirations) now. */
    public void cleanUp() {
        cache.cleanUp();
    }

    private Duration retention(CacheEntry e) {
        long until = Lifetimes.add(Lifetimes.unusableAt(e.response, e.softStaleAt()), keepNanos);
        return Duration.ofNanos(Math.max(0, until - clock.nanoTime()));
    }

    private void removePurged(CacheEntry e) {
        if (cache.asMap().remove(e.key, e)) {
            purgeRemovals.increment();
        }
    }

    private void onEviction(@Nullable CacheKey key, @Nullable CacheEntry e, RemovalCause cause) {
        if (cause == RemovalCause.SIZE) {
            evictions.increment();
        } else if (cause == RemovalCause.EXPIRED) {
            expirations.increment();
        }
    }

    private final class Counting implements Sweeper.Removals {
        @Override
        public void purged(CacheEntry e) {
            removePurged(e);
        }

        @Override
        public void expired(CacheEntry e) {
            if (cache.asMap().remove(e.key, e)) {
                expirations.increment();
            }
        }

        @Override
        public long keepNanos() {
            return keepNanos;
        }
    }
}
