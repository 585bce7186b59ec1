package dev.sluice.content;

/**
 * The outcome of a push.
 *
 * @param entry the entry after the push
 * @param revision the revision made, or the existing published one when unchanged
 * @param unchanged true when the body matched the published revision and nothing was recorded
 */
public record PushResult(Entry entry, Revision revision, boolean unchanged) {}
