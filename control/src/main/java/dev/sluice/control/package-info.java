/** Tenants, their sites and hosts, the credentials that resolve to a site, and per-site rate limits. */
@NullMarked
package dev.sluice.control;

import org.jspecify.annotations.NullMarked;
