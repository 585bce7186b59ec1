package dev.sluice.content.store;

import dev.sluice.content.Revision;

/**
 * The revision served at a path, with the URL the entry was pushed as (file types are guessed from
 * its extension).
 *
 * @param url the entry's URL as pushed
 * @param revision the live revision
 */
public record LiveRevision(String url, Revision revision) {}
