package dev.sluice.api;

import dev.sluice.core.SluiceException;

/**
 * Where the management API listens and how much it accepts.
 *
 * @param host the address to bind (e.g. {@code 0.0.0.0}, {@code 127.0.0.1})
 * @param port the port, 0 for an ephemeral one (see {@link ApiServer#port()})
 * @param maxBodyBytes the largest request body accepted; larger ones get 413
 * @param maxVendorBodyBytes the largest body the vendor purge dialects accept (they parse it whole
 *     into memory); larger ones get the vendor's 413
 */
public record ApiServerConfig(String host, int port, long maxBodyBytes, long maxVendorBodyBytes) {

    public static final int DEFAULT_PORT = 8081;
    public static final long DEFAULT_MAX_BODY_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_MAX_VENDOR_BODY_BYTES = 4L * 1024 * 1024;

    public ApiServerConfig {
        if (host.isBlank()) {
            throw SluiceException.badRequest("api host: \"%s\" (expected: an address)".formatted(host));
        }
        if (port < 0 || port > 65535) {
            throw SluiceException.badRequest("api port: %d (expected: 0-65535)".formatted(port));
        }
        if (maxBodyBytes < 1) {
            throw SluiceException.badRequest("api max body: %d (expected: > 0)".formatted(maxBodyBytes));
        }
        if (maxVendorBodyBytes < 1) {
            throw SluiceException.badRequest("api max vendor body: %d (expected: > 0)".formatted(maxVendorBodyBytes));
        }
    }

    /** With the default vendor body limit, {@value #DEFAULT_MAX_VENDOR_BODY_BYTES} bytes. */
    public ApiServerConfig(String host, int port, long maxBodyBytes) {
        this(host, port, maxBodyBytes, DEFAULT_MAX_VENDOR_BODY_BYTES);
    }

    /** The single-node defaults: every address, port 8081, bodies up to 256 MiB. */
    public static ApiServerConfig defaults() {
        return new ApiServerConfig("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES);
    }

    /** Loopback on an ephemeral port with the default body limit, for tests. */
    public static ApiServerConfig ephemeral() {
        return new ApiServerConfig("127.0.0.1", 0, DEFAULT_MAX_BODY_BYTES);
    }

    public ApiServerConfig withMaxBodyBytes(long max) {
        return new ApiServerConfig(host, port, max, maxVendorBodyBytes);
    }

    public ApiServerConfig withMaxVendorBodyBytes(long max) {
        return new ApiServerConfig(host, port, maxBodyBytes, max);
    }
}
