package dev.sluice.content;

import dev.sluice.core.SiteId;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** The edge's view of the content store: what is live at a path, and the bytes of a blob. Blocking. */
public interface ContentReader {

    /**
     * What is published at the canonical path (see {@link ContentPaths#canonical}), or null when
     * nothing is.
     */
    @Nullable
    Published published(SiteId site, String canonicalPath);

    /** Opens the blob with the given MD5. */
    InputStream openBlob(String md5) throws IOException;
}
