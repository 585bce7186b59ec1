package dev.sluice.content.blob;

/**
 * A blob as stored.
 *
 * @param md5 lower-case hex MD5 of the bytes, also the blob's address
 * @param size length in bytes
 */
public record StoredBlob(String md5, long size) {}
