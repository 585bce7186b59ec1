package dev.sluice.api;

import dev.sluice.dialect.BoundedInputStream;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Sends each request to its handler: {@code GET /healthz}, {@code GET /metrics}, or the dialect
 * mounted at a path segment, under any base ({@code /v1/ping}, {@code /api/quant/v1/ping}). The
 * mounted handler sees the path after its segment ("" for the mount itself). Anything else is a JSON
 * 404. Vendor request bodies are cut at their own limit (413 in the vendor's shape).
 */
final class ApiRouter implements WireHandler {

    /**
     * A dialect mounted at a segment.
     *
     * @param segment the path segment that starts the dialect's routes, e.g. {@code v1}
     * @param handler the dialect, already decorated
     */
    record Mount(String segment, WireHandler handler) {}

    private final List<VendorMount> vendors;
    private final List<Mount> mounts;
    private final Supplier<String> metrics;

    private final long maxVendorBodyBytes;

    ApiRouter(List<Mount> mounts, Supplier<String> metrics) {
        this(List.of(), mounts, metrics, ApiServerConfig.DEFAULT_MAX_VENDOR_BODY_BYTES);
    }

    /**
     * Vendor mounts are tried first, by prefix from the root; then the segment mounts. Vendor bodies
     * are JSON or XML parsed whole into memory, so they get their own, smaller limit.
     */
    ApiRouter(List<VendorMount> vendors, List<Mount> mounts, Supplier<String> metrics, long maxVendorBodyBytes) {
        this.maxVendorBodyBytes = maxVendorBodyBytes;
        this.vendors = List.copyOf(vendors);
        this.mounts = new ArrayList<>(mounts);
        this.metrics = metrics;
    }

    @Override
    public WireResponse handle(WireRequest request) {
        if (request.path().equals("/healthz") && request.method().equals("GET")) {
            return WireResponse.json(200, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
        }
        if (request.path().equals("/metrics") && request.method().equals("GET")) {
            return new WireResponse(
                    200,
                    WireHeaders.of("Content-Type", "text/plain; version=0.0.4; charset=utf-8"),
                    metrics.get().getBytes(StandardCharsets.UTF_8));
        }
        for (VendorMount vendor : vendors) {
            String path = request.path();
            if (path.equals(vendor.prefix()) || path.startsWith(vendor.prefix() + "/")) {
                return vendor.handler()
                        .handle(new WireRequest(
                                request.method(),
                                path.substring(vendor.prefix().length()),
                                request.query(),
                                request.headers(),
                                new BoundedInputStream(request.body(), maxVendorBodyBytes, declaredLength(request))));
            }
        }
        for (Mount mount : mounts) {
            String rest = below(request.path(), mount.segment());
            if (rest != null) {
                return mount.handler()
                        .handle(new WireRequest(
                                request.method(), rest, request.query(), request.headers(), request.body()));
            }
        }
        return ApiReplies.error(404, "Route not found: %s %s".formatted(request.method(), request.path()));
    }

    /** The Content-Length, or -1 when absent or not a number (the stream bound still holds). */
    private static long declaredLength(WireRequest request) {
        String length = request.header("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The path after the first {@code /segment} that is a whole segment, or null. */
    static @Nullable String below(String path, String segment) {
        String marker = "/" + segment;
        for (int at = path.indexOf(marker); at >= 0; at = path.indexOf(marker, at + 1)) {
            int end = at + marker.length();
            if (end == path.length() || path.charAt(end) == '/') {
                return path.substring(end);
            }
        }
        return null;
    }
}
