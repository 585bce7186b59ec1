package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.BoundedInputStream;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FileUploadTest {

    private static final String BOUNDARY = "----sluice7MA4YWxkTrZu0gW";

    private static String part(String disposition, String type, String body) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: " + type + "\r\n\r\n"
                + body + "\r\n";
    }

    private static WireRequest multipart(String contentType, String... parts) {
        String body = String.join("", parts) + "--" + BOUNDARY + "--\r\n";
        return Wire.request("POST", "", WireHeaders.of("Content-Type", contentType), body);
    }

    private static String read(WireRequest request) {
        return FileUpload.read(request, in -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void quantCliSendsOnePartNamedData() {
        WireRequest request = multipart(
                "multipart/form-data; boundary=" + BOUNDARY,
                part("form-data; name=\"data\"; filename=\"a.png\"", "image/png", "PNG bytes"));
        assertThat(read(request)).isEqualTo("PNG bytes");
    }

    @Test
    void theFirstPartWithAFilenameWinsWhateverItsName() {
        WireRequest request = multipart(
                "multipart/form-data; boundary=\"" + BOUNDARY + "\"",
                part("form-data; name=\"field\"", "text/plain", "not the file"),
                part("form-data; name=\"logo.png\"; filename=\"logo.png\"", "image/png", "drupal"),
                part("form-data; name=\"other\"; filename=\"b.png\"", "image/png", "second file"));
        assertThat(read(request)).isEqualTo("drupal");
    }

    @Test
    void wordPressSendsAnAttachmentUnderApplicationBinary() {
        WireRequest request = multipart(
                "application/binary; boundary=" + BOUNDARY,
                part("attachment; name=\"data\"; filename=\"x.css\"", "text/css", "body{}"));
        assertThat(read(request)).isEqualTo("body{}");
    }

    @Test
    void withoutAnyFilenameTheFirstPartIsTheFile() {
        WireRequest request = multipart(
                "multipart/form-data; boundary=" + BOUNDARY,
                part("form-data; name=\"data\"", "application/octet-stream", "first"),
                part("form-data; name=\"more\"", "text/plain", "second"));
        assertThat(read(request)).isEqualTo("first");
    }

    @Test
    void withoutABoundaryTheBodyIsTheFile() {
        WireRequest request = Wire.request("POST", "", WireHeaders.of("Content-Type", "image/png"), "raw");
        assertThat(FileUpload.boundary(request)).isNull();
        assertThat(read(request)).isEqualTo("raw");
    }

    @Test
    void binaryPartsSurviveByteForByte() throws IOException {
        long seed = System.nanoTime();
        System.out.println("FileUploadTest seed: " + seed);
        byte[] file = new byte[200_000];
        new Random(seed).nextBytes(file);
        byte[] head = ("--" + BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"f.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        WireRequest request = Wire.request(
                "POST", "", WireHeaders.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY), body);
        byte[] read = FileUpload.read(request, in -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(read).isEqualTo(file);
    }

    @Test
    void brokenFramingIsTheClientsError() {
        WireRequest truncated = Wire.request(
                "POST",
                "",
                WireHeaders.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"a\"\r\n\r\nno end");
        assertThatThrownBy(() -> read(truncated)).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
            assertThat(e.getMessage()).startsWith("body: malformed multipart");
        });
        WireRequest empty = multipart("multipart/form-data; boundary=" + BOUNDARY);
        assertThatThrownBy(() -> read(empty))
                .hasMessage("body: multipart without parts (expected: the file as a part)");
    }

    @Test
    void anOversizedPartIsPayloadTooLarge() {
        String body = part("form-data; name=\"data\"; filename=\"a\"", "text/plain", "x".repeat(5000)) + "--" + BOUNDARY
                + "--\r\n";
        WireRequest request = new WireRequest(
                "POST",
                "",
                Map.of(),
                WireHeaders.of("Content-Type", "multipart/form-data; boundary=" + BOUNDARY),
                new BoundedInputStream(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), 1000, -1));
        assertThatThrownBy(() -> read(request))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE));
    }
}
