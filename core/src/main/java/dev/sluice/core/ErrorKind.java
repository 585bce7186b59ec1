package dev.sluice.core;

/**
 * The kinds of domain failure and the HTTP status each maps to: the one error table. Dialects render
 * the body in their vendor's shape; the status comes from here unless a vendor documents another.
 */
public enum ErrorKind {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMITED(429),
    INTERNAL(500),
    UNAVAILABLE(503);

    private final int status;

    ErrorKind(int status) {
        this.status = status;
    }

    /** The HTTP status for this kind. */
    public int status() {
        return status;
    }
}
