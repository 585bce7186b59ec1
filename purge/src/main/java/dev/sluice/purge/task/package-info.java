/**
 * Purge tasks: every purge, in any dialect, recorded with its state, entries, counts and per-node
 * progress, kept in a {@link dev.sluice.purge.task.PurgeTaskStore} and followed to completion.
 */
@NullMarked
package dev.sluice.purge.task;

import org.jspecify.annotations.NullMarked;
