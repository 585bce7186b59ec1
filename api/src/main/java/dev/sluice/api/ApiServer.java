package dev.sluice.api;

import dev.sluice.dialect.WireHandler;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.jetty.server.CustomRequestLog;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.Slf4jRequestLogWriter;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * The management HTTP server. Jetty 12's core handler API, no Servlets; request handling runs on
 * virtual threads (the preferred Jetty 12 shape: a queued pool for I/O whose virtual-threads executor
 * is a {@link VirtualThreadPool}), since handlers block on the content store and the purge log.
 *
 * <p>Mounts: the Quant Content API under any path ending in {@code /v1}; {@code GET /healthz}; {@code
 * GET /metrics} with the text the caller supplies. Around each mount, decorators measure requests
 * ({@link ApiMetrics}); Jetty's request log writes one access line per request to the SLF4J logger
 * {@value #ACCESS_LOGGER}; request bodies are cut at the configured limit (413 in the dialect's
 * shape).
 */
public final class ApiServer implements AutoCloseable {

    public static final String ACCESS_LOGGER = "dev.sluice.api.access";

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param config where to listen and the body limit
     * @param quant the Quant Content API, mounted at {@code /v1}
     * @param registry where request metrics go
     * @param metrics the Prometheus text served at {@code /metrics}
     */
    public ApiServer(ApiServerConfig config, WireHandler quant, MeterRegistry registry, Supplier<String> metrics) {
        this(config, quant, List.of(), registry, metrics);
    }

    /**
     * @param config where to listen and the body limit
     * @param quant the Quant Content API, mounted at {@code /v1}
     * @param vendors the other dialects, each at its prefix (tried before {@code /v1})
     * @param registry where request metrics go
     * @param metrics the Prometheus text served at {@code /metrics}
     */
    public ApiServer(
            ApiServerConfig config,
            WireHandler quant,
            List<VendorMount> vendors,
            MeterRegistry registry,
            Supplier<String> metrics) {
        ApiMetrics measured = new ApiMetrics(registry);
        List<VendorMount> measuredVendors = vendors.stream()
                .map(v -> new VendorMount(v.prefix(), v.name(), measured.measured(v.name(), v.handler())))
                .toList();
        ApiRouter router = new ApiRouter(
                measuredVendors,
                List.of(new ApiRouter.Mount("v1", measured.measured("quant", quant))),
                metrics,
                config.maxVendorBodyBytes());
        this.server = new Server(threads());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new JettyBridge(router, config.maxBodyBytes()));
        Slf4jRequestLogWriter writer = new Slf4jRequestLogWriter();
        writer.setLoggerName(ACCESS_LOGGER);
        server.setRequestLog(new CustomRequestLog(writer, CustomRequestLog.EXTENDED_NCSA_FORMAT + " %{ms}Tms"));
    }

    private static QueuedThreadPool threads() {
        QueuedThreadPool pool = new QueuedThreadPool();
        pool.setName("sluice-api");
        VirtualThreadPool virtual = new VirtualThreadPool();
        virtual.setName("sluice-api-vt");
        pool.setVirtualThreadsExecutor(virtual);
        return pool;
    }

    /** Binds and starts serving. */
    public ApiServer start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "api server: cannot start on %s:%d".formatted(connector.getHost(), connector.getPort()), e);
        }
        return this;
    }

    /** The bound port, once started (the real one when the configured port was 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops serving and releases the port. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("api server: cannot stop", e);
        }
    }
}
