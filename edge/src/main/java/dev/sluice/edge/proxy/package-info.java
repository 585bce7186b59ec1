/** Forwarding to an HTTP server with jetty-client: streamed with backpressure, cached when allowed. */
@NullMarked
package dev.sluice.edge.proxy;

import org.jspecify.annotations.NullMarked;
