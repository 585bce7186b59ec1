/**
 * QuantCDN's Content API ({@code /v1}): decodes Quant requests into content operations and purge
 * requests, and encodes replies and errors in the shapes Quant's clients (quant-cli 1.12 onwards,
 * the Drupal and WordPress modules) read.
 */
@NullMarked
package dev.sluice.dialect.quant;

import org.jspecify.annotations.NullMarked;
