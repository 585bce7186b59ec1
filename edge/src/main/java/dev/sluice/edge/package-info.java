/**
 * The data plane: an HTTP server that answers each site's public traffic from the cache, and on a
 * miss from the site's origin (Sluice's content store now, upstream HTTP origins later).
 */
@NullMarked
package dev.sluice.edge;

import org.jspecify.annotations.NullMarked;
