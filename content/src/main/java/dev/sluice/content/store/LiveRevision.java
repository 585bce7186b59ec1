package dev.sluice.content.store;

import dev.sluice.content.Revision;

/**
 * The revision served at a path, with the URL the entry was pushed as (file types are guessed from
 * its extension).
 *
 * @param url the entry's URL as pushed
 * @param revision the live revision
 * @param liveSince when the entry last changed to serve it, epoch seconds: publishing an older
 *     revision must not move Last-Modified backwards
 */
public record LiveRevision(String url, Revision revision, long liveSince) {}
