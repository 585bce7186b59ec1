package dev.sluice.dialect.quant;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place Quant failures become replies: a {@link SluiceException} found anywhere in the cause
 * chain gives its kind's status ({@link ErrorKind#status()}) and message, a rate limit adds {@code
 * Retry-After}, and anything else is a 500 that is logged with the request it failed. Every reply
 * carries the Quant error body, since quant-cli 1.12 cannot read a reply without one.
 */
final class QuantErrors {

    private static final Logger log = LoggerFactory.getLogger(QuantErrors.class);

    static final String NOT_FOUND = "Resource not found.";

    private QuantErrors() {}

    /** The handler, with every failure rendered. */
    static WireHandler rendered(WireHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (RuntimeException e) {
                return render(request, e);
            }
        };
    }

    static WireResponse render(WireRequest request, Throwable failure) {
        SluiceException known = find(failure);
        if (known == null) {
            log.error("Quant API {} {} failed", request.method(), request.path(), failure);
            return QuantJson.reply(500, QuantReplies.error("Internal error"));
        }
        if (known.kind().status() >= 500) {
            log.error("Quant API {} {} failed: {}", request.method(), request.path(), known.getMessage(), failure);
        }
        String message = known.getMessage() == null ? known.kind().name() : known.getMessage();
        WireResponse reply = QuantJson.reply(known.kind().status(), QuantReplies.error(message));
        Duration retryAfter = known.retryAfter();
        return retryAfter == null ? reply : reply.withHeader("Retry-After", Long.toString(seconds(retryAfter)));
    }

    /**
     * Runs a store call whose NOT_FOUND is the client's unknown path: the message becomes the one
     * Quant clients match ("Resource not found."), keeping the store's as the cause.
     */
    static <T> T resource(Supplier<T> call) {
        try {
            return call.get();
        } catch (SluiceException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                throw new SluiceException(ErrorKind.NOT_FOUND, NOT_FOUND, e);
            }
            throw e;
        }
    }

    private static @Nullable SluiceException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SluiceException e) {
                return e;
            }
        }
        return null;
    }

    /** Whole seconds, rounded up, at least 1: a client told 0 would retry at once. */
    private static long seconds(Duration wait) {
        long s = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
