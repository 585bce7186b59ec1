/** JMH benchmarks of the cache and purge engine: hits, fills, purge calls and sweeps. */
@NullMarked
package dev.sluice.bench;

import org.jspecify.annotations.NullMarked;
