/**
 * The content store: the Quant content model on top of a persistence SPI ({@link
 * dev.sluice.content.store.ContentRepository}) and a content-addressed blob store.
 */
@NullMarked
package dev.sluice.content.store;

import org.jspecify.annotations.NullMarked;
