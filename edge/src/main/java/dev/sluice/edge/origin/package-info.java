/** Where misses are resolved: the content store now ({@code ContentOrigin}), HTTP upstreams later. */
@NullMarked
package dev.sluice.edge.origin;

import org.jspecify.annotations.NullMarked;
