/** Writing replies to clients: from memory with Jetty callbacks, conditionals, ranges, metrics. */
@NullMarked
package dev.sluice.edge.delivery;

import org.jspecify.annotations.NullMarked;
