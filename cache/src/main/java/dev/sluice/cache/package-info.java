/** The edge cache: keys, cached responses, the memory store and the purge state lookups check. */
@NullMarked
package dev.sluice.cache;

import org.jspecify.annotations.NullMarked;
