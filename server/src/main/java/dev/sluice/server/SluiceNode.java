package dev.sluice.server;

import dev.sluice.api.ApiServer;
import dev.sluice.api.ApiServerConfig;
import dev.sluice.api.VendorMount;
import dev.sluice.cache.MemoryCacheStore;
import dev.sluice.control.QuantAuthenticator;
import dev.sluice.control.RateLimiter;
import dev.sluice.control.webhook.RetryPolicy;
import dev.sluice.control.webhook.WebhookSender;
import dev.sluice.core.Clock;
import dev.sluice.dialect.TenantCallbacks;
import dev.sluice.dialect.quant.QuantApi;
import dev.sluice.edge.EdgeConfig;
import dev.sluice.edge.EdgeServer;
import dev.sluice.persistence.EmbeddedStore;
import dev.sluice.persistence.PostgresStore;
import dev.sluice.persistence.Store;
import dev.sluice.purge.PurgeApplier;
import dev.sluice.purge.PurgeLog;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.purge.task.TaskRetention;
import dev.sluice.server.config.SluiceConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Sluice node: the only place that picks implementations. Opens the embedded store, the
 * memory cache and the purge path, then starts the management API and the edge; {@link #close()}
 * stops them in reverse order.
 */
public final class SluiceNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SluiceNode.class);
    private static final int SWEEP_BUDGET = 20_000;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final EdgeServer edge;
    private final ApiServer api;
    private final MemoryCacheStore cache;

    private SluiceNode(SluiceConfig config, Clock clock) throws Exception {
        try {
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            JvmGcMetrics gc = new JvmGcMetrics();
            gc.bindTo(registry);
            resources.push(gc);

            Store store = openStore(config, clock);
            resources.push(store);

            cache = new MemoryCacheStore(clock, config.cache().memoryBytes());
            Gauge.builder("sluice_cache_objects", cache, MemoryCacheStore::size).register(registry);
            Gauge.builder("sluice_cache_bytes", cache, MemoryCacheStore::weightedSize)
                    .register(registry);
            ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("sluice-sweeper").daemon().factory());
            ScheduledFuture<?> sweeping = sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
            resources.push(() -> {
                sweeping.cancel(false);
                sweeper.shutdownNow();
            });

            PurgeLog purgeLog = store.purgeLog();
            PurgeApplier applier = new PurgeApplier(cache);
            // The memory cache starts empty, so it starts at the log's head: nothing to replay.
            log.info("Purge log at seq {}", applier.startAtHead(purgeLog));
            resources.push(applier.follow(purgeLog));
            resources.push(PurgeMetrics.countApplied(purgeLog, registry));
            SluiceConfig.Log history = config.store().log();
            ScheduledFuture<?> pruning =
                    sweeper.scheduleWithFixedDelay(() -> prune(purgeLog, clock, history), 0, 1, TimeUnit.HOURS);
            resources.push(() -> pruning.cancel(false));

            Sites sites = new Sites(config.tenants());
            PurgeTaskService tasks = new PurgeTaskService(store.purgeTasks(), clock, "local");
            WebhookSender webhookSender = new WebhookSender(
                    clock,
                    store.webhookDeliveries(),
                    RetryPolicy.defaults(),
                    config.api().allowInternalDestinations(),
                    WebhookSender.DEFAULT_MAX_PENDING);
            resources.push(webhookSender);
            tasks.onDone(new TenantCallbacks(sites::webhooks, webhookSender));
            TaskRetention retention = new TaskRetention(
                    store.purgeTasks(), clock, TaskRetention.DEFAULT, store.webhookDeliveries()::deleteBefore);
            ScheduledFuture<?> forgetting =
                    sweeper.scheduleWithFixedDelay(() -> forget(retention), 0, 1, TimeUnit.HOURS);
            resources.push(() -> forgetting.cancel(false));
            QuantApi quant = new QuantApi(
                    store.contentService(),
                    tasks,
                    new QuantAuthenticator(sites.control()),
                    new RateLimiter(clock, sites.control()));
            List<VendorMount> vendors = VendorApis.mounts(
                    sites,
                    tasks,
                    store.webhooks(),
                    webhookSender,
                    store.quotas(Duration.ofHours(24)),
                    clock,
                    config.api().allowInternalDestinations());
            SluiceConfig.Api apiConfig = config.api();
            api = new ApiServer(
                            new ApiServerConfig(
                                    apiConfig.listen().host(),
                                    apiConfig.listen().port(),
                                    apiConfig.maxBodyBytes(),
                                    apiConfig.maxVendorBodyBytes()),
                            quant,
                            vendors,
                            registry,
                            registry::scrape)
                    .start();
            resources.push(api);
            log.info("API listening on http://{}:{}", apiConfig.listen().host(), api.port());

            SluiceConfig.Edge edgeConfig = config.edge();
            EdgeConfig edgeSettings = EdgeConfig.defaults().toBuilder()
                    .listen(edgeConfig.listen().host(), edgeConfig.listen().port())
                    .maxCacheableBytes(edgeConfig.maxObjectBytes())
                    .notFoundTtl(edgeConfig.notFoundTtl())
                    .allowPrivateProxyDestinations(config.api().allowInternalDestinations())
                    .build();
            edge = new EdgeServer(
                    edgeSettings, sites.edge(), cache, new SharedContent(store.contentReader()), registry, clock);
            edge.start();
            resources.push(edge);
            log.info("Edge listening on http://{}:{}", edgeConfig.listen().host(), edge.port());
            log.info(
                    "Sluice ready: {} site(s), data in {}",
                    sites.control().sites().size(),
                    config.store().isPostgres() ? "PostgreSQL" : config.store().path());
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    private static Store openStore(SluiceConfig config, Clock clock) throws IOException {
        PostgresStore.Settings pg = config.store().postgres();
        long maxBody = config.api().maxBodyBytes();
        boolean internal = config.api().allowInternalDestinations();
        if (pg == null) {
            return EmbeddedStore.open(config.store().path(), clock, maxBody, internal);
        }
        PostgresStore.Settings settings = new PostgresStore.Settings(
                pg.url(), pg.user(), pg.password(), pg.pool(), pg.connectTimeout(), pg.blobs());
        log.info("Store: PostgreSQL at {}", pg.url());
        return PostgresStore.open(settings, clock, maxBody, internal);
    }

    /** Starts a node on the real clock. */
    public static SluiceNode start(SluiceConfig config) throws Exception {
        return start(config, Clock.system());
    }

    /** Starts a node on the given clock. */
    public static SluiceNode start(SluiceConfig config, Clock clock) throws Exception {
        return new SluiceNode(config, clock);
    }

    /** The edge's bound port. */
    public int edgePort() {
        return edge.port();
    }

    /** The management API's bound port. */
    public int apiPort() {
        return api.port();
    }

    private void sweep() {
        try {
            cache.sweep(SWEEP_BUDGET);
        } catch (RuntimeException e) {
            log.error("cache sweep failed", e);
        }
    }

    private static void prune(PurgeLog purgeLog, Clock clock, SluiceConfig.Log history) {
        try {
            int pruned = purgeLog.prune(clock.instant().minus(history.retention()), history.keepLast());
            if (pruned > 0) {
                log.info("purge log: pruned {} command(s), history from seq {}", pruned, purgeLog.firstSeq());
            }
        } catch (RuntimeException e) {
            log.error("purge log retention failed", e);
        }
    }

    private static void forget(TaskRetention retention) {
        try {
            retention.sweep();
        } catch (RuntimeException e) {
            log.error("purge task retention failed", e);
        }
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable r = resources.pop();
            try {
                r.close();
            } catch (Exception e) {
                log.warn("closing {} failed", r, e);
            }
        }
    }
}
