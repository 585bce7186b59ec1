/** The purge engine: dialect-free purge requests, matchers, the ordered purge log and its applier. */
@NullMarked
package dev.sluice.purge;

import org.jspecify.annotations.NullMarked;
