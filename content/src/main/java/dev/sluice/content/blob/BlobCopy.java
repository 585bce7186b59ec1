package dev.sluice.content.blob;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Streams a body to where a blob store keeps it while computing its address (MD5) and counting it:
 * past the limit it stops reading and refuses with PAYLOAD_TOO_LARGE, having held no more than one
 * buffer. Every blob store writes bodies through here.
 */
public final class BlobCopy {

    private static final int BUFFER = 64 * 1024;

    private BlobCopy() {}

    /** Copies {@code body} to {@code out} (neither is closed) and returns the blob's address and size. */
    public static StoredBlob copy(InputStream body, OutputStream out, long maxBytes) throws IOException {
        MessageDigest digest = md5();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            size += n;
            if (size > maxBytes) {
                throw new SluiceException(
                        ErrorKind.PAYLOAD_TOO_LARGE,
                        "body: more than %d bytes (expected: <= %d)".formatted(maxBytes, maxBytes));
            }
            digest.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        out.flush();
        return new StoredBlob(HexFormat.of().formatHex(digest.digest()), size);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
