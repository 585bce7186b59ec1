package dev.sluice.dialect;

import dev.sluice.core.SluiceException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared half of every vendor's error table: finds the {@link SluiceException} in a failure's
 * cause chain (a {@link VendorError} keeps its code and status), logs what is the server's fault, and
 * hands status, code and message to the vendor's renderer.
 */
public final class ErrorReplies {

    private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

    /** Renders one failure in a vendor's shape. */
    @FunctionalInterface
    public interface Renderer {
        WireResponse render(int status, @Nullable String code, String message);
    }

    private ErrorReplies() {}

    /** The handler with every failure rendered by the renderer; Retry-After on rate limits. */
    public static WireHandler rendered(String vendor, WireHandler handler, Renderer renderer) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (RuntimeException e) {
                return render(vendor, request, e, renderer);
            }
        };
    }

    static WireResponse render(String vendor, WireRequest request, Throwable failure, Renderer renderer) {
        SluiceException known = find(failure);
        if (known == null) {
            log.error("{} API {} {} failed", vendor, request.method(), request.path(), failure);
            return renderer.render(500, null, "Internal error");
        }
        int status = known instanceof VendorError v ? v.status() : known.kind().status();
        if (status >= 500) {
            log.error("{} API {} {} failed: {}", vendor, request.method(), request.path(), known.getMessage(), failure);
        }
        String code = known instanceof VendorError v ? v.code() : null;
        String message = known.getMessage() == null ? known.kind().name() : known.getMessage();
        WireResponse reply = renderer.render(status, code, message);
        Duration retryAfter = known.retryAfter();
        return retryAfter == null ? reply : reply.withHeader("Retry-After", Long.toString(seconds(retryAfter)));
    }

    private static @Nullable SluiceException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SluiceException e) {
                return e;
            }
        }
        return null;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0));
    }
}
