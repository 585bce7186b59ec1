package dev.sluice.dialect;

/**
 * Answers a management API request. Blocking: handlers run on virtual threads. Implementations
 * render their own failures in their vendor's error shape; a handler that throws is a bug the server
 * answers with a bare 500.
 */
@FunctionalInterface
public interface WireHandler {

    WireResponse handle(WireRequest request);
}
