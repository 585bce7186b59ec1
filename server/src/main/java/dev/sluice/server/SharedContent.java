package dev.sluice.server;

import dev.sluice.content.ContentReader;
import dev.sluice.content.Published;
import dev.sluice.core.SiteId;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * The content a site's staging environment serves: the same published content as production (one
 * origin), while the edge keeps a separate cache under the staging id.
 */
final class SharedContent implements ContentReader {

    private final ContentReader store;

    SharedContent(ContentReader store) {
        this.store = store;
    }

    @Override
    public @Nullable Published published(SiteId site, String canonicalPath) {
        return store.published(site.production(), canonicalPath);
    }

    @Override
    public InputStream openBlob(String md5) throws IOException {
        return store.openBlob(md5);
    }
}
