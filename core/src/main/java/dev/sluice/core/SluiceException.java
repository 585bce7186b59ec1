package dev.sluice.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A domain failure with its {@link ErrorKind}. Thrown at the boundary where input is found wrong and
 * mapped to a reply in one place per dialect.
 */
public class SluiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final @Nullable Duration retryAfter;

    public SluiceException(ErrorKind kind, String message) {
        this(kind, message, null, null);
    }

    public SluiceException(ErrorKind kind, String message, @Nullable Throwable cause) {
        this(kind, message, null, cause);
    }

    private SluiceException(ErrorKind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    /** A rate-limit refusal that tells the client when to come back. */
    public static SluiceException rateLimited(String message, Duration retryAfter) {
        return new SluiceException(ErrorKind.RATE_LIMITED, message, retryAfter, null);
    }

    /** A dependency (the store) is out of reach; the client may retry after the given time. */
    public static SluiceException unavailable(String message, Duration retryAfter, @Nullable Throwable cause) {
        return new SluiceException(ErrorKind.UNAVAILABLE, message, retryAfter, cause);
    }

    public static SluiceException badRequest(String message) {
        return new SluiceException(ErrorKind.BAD_REQUEST, message);
    }

    public static SluiceException notFound(String message) {
        return new SluiceException(ErrorKind.NOT_FOUND, message);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** How long a rate-limited or refused client should wait, when known. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
