package dev.sluice.dialect.quant;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.core.ParameterParser;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a Quant file upload (spec §1.3, §6.13), streamed: whenever the Content-Type has a
 * {@code boundary}, whatever its media type (WordPress sends {@code application/binary; boundary=}),
 * the body is multipart and the file is the first part with a filename, else the first part; without
 * a boundary the body itself is the file. Multipart framing is parsed by commons-fileupload's {@link
 * MultipartInput}.
 *
 * <p>Memory: a part with a filename is handed to the consumer as a stream, never held whole. Only
 * when no part has a filename is the first part kept, spooled to a temporary file (deleted after),
 * since the parts after it must be read to know that. Broken framing is BAD_REQUEST.
 */
final class FileUpload {

    private FileUpload() {}

    /** The boundary of a multipart body, or null when the Content-Type has none. */
    static @Nullable String boundary(WireRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null) {
            return null;
        }
        String boundary = parameters(contentType).get("boundary");
        return boundary == null || boundary.isEmpty() ? null : boundary;
    }

    /** Hands the uploaded file's bytes to the consumer and returns what it returns. */
    static <T> T read(WireRequest request, Function<InputStream, T> consumer) {
        String boundary = boundary(request);
        if (boundary == null) {
            return consumer.apply(request.body());
        }
        try {
            MultipartInput multipart = MultipartInput.builder()
                    .setInputStream(request.body())
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1))
                    .get();
            return firstFile(multipart, consumer);
        } catch (IOException e) {
            throw SluiceException.badRequest("body: malformed multipart (%s)".formatted(e.getMessage()));
        }
    }

    private static <T> T firstFile(MultipartInput multipart, Function<InputStream, T> consumer) throws IOException {
        Path spooled = null;
        try {
            boolean more = multipart.skipPreamble();
            while (more) {
                Map<String, String> disposition = disposition(multipart.readHeaders());
                if (disposition.get("filename") != null) {
                    try (InputStream part = new PartStream(multipart.newInputStream())) {
                        return consumer.apply(part);
                    }
                }
                if (spooled == null) {
                    spooled = Files.createTempFile("sluice-upload-", ".part");
                    try (OutputStream out = Files.newOutputStream(spooled)) {
                        multipart.readBodyData(out);
                    }
                } else {
                    multipart.discardBodyData();
                }
                more = multipart.readBoundary();
            }
            if (spooled == null) {
                throw SluiceException.badRequest("body: multipart without parts (expected: the file as a part)");
            }
            try (InputStream part = Files.newInputStream(spooled)) {
                return consumer.apply(part);
            }
        } finally {
            if (spooled != null) {
                Files.deleteIfExists(spooled);
            }
        }
    }

    /** The Content-Disposition parameters of a part (lower-case names), whatever its disposition type. */
    private static Map<String, String> disposition(String headers) {
        for (String line : headers.split("\r\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Disposition")) {
                return parameters(line.substring(colon + 1));
            }
        }
        return Map.of();
    }

    private static Map<String, String> parameters(String header) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(header, ';');
    }

    /** A part's bytes; a framing error while the store reads them is the client's, not the store's. */
    private static final class PartStream extends FilterInputStream {

        PartStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() {
            try {
                return super.read();
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw malformed(e);
            }
        }

        private static SluiceException malformed(IOException e) {
            return new SluiceException(
                    ErrorKind.BAD_REQUEST,
                    "body: malformed multipart (%s)".formatted(e.getMessage()),
                    new UncheckedIOException(e));
        }
    }
}
