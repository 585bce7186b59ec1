/**
 * The management HTTP server: Jetty 12 core handlers on virtual threads, mounting each vendor dialect
 * under its base path, with health, metrics, body limits, access logs and request metrics.
 */
@NullMarked
package dev.sluice.api;

import org.jspecify.annotations.NullMarked;
