package dev.sluice.content.blob;

import java.io.IOException;
import java.io.InputStream;

/** Bodies of revisions, addressed by their MD5: each distinct body is stored once. */
public interface BlobStore {

    /**
     * Streams the body into the store and returns its address. When this returns the blob is
     * durable. Refuses a body over the store's size limit with PAYLOAD_TOO_LARGE, leaving nothing
     * behind. Does not close {@code body}.
     */
    StoredBlob write(InputStream body) throws IOException;

    /** Opens a stored blob; {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(String md5) throws IOException;

    /** Whether a blob with this MD5 is stored. */
    boolean contains(String md5);
}
