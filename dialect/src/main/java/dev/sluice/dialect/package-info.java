/**
 * Wire-neutral request and reply types that every vendor dialect decodes and encodes; no HTTP server
 * library is seen here, so dialects are tested without sockets.
 */
@NullMarked
package dev.sluice.dialect;

import org.jspecify.annotations.NullMarked;
