/** Webhooks: the registry tenants create them in, and their signed, retried delivery with its log. */
@NullMarked
package dev.sluice.control.webhook;

import org.jspecify.annotations.NullMarked;
