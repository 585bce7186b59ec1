/**
 * The embedded store: content and the purge log on SQLite (WAL, fsync on commit, one writer), with
 * portable Flyway migrations meant for PostgreSQL too.
 */
@NullMarked
package dev.sluice.persistence;

import org.jspecify.annotations.NullMarked;
