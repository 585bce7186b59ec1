/** Content-addressed blobs: bodies of page and file revisions, stored once per MD5. */
@NullMarked
package dev.sluice.content.blob;

import org.jspecify.annotations.NullMarked;
