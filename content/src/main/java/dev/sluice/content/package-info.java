/** Published content: revisions of pages and files, redirects, proxies, content-addressed blobs. */
@NullMarked
package dev.sluice.content;

import org.jspecify.annotations.NullMarked;
