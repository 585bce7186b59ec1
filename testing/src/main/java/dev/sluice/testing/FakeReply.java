package dev.sluice.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted origin reply: status, headers and body, or {@link #hang()} for an origin that accepts
 * the request and never answers (until it is stopped), to exercise timeouts without sleeping.
 *
 * @param status the status code
 * @param headers header lines in order (names may repeat)
 * @param body the body
 * @param hangs whether the origin never answers
 */
// The body is immutable by convention: tests build it once and the origin only reads it.
@SuppressWarnings("ArrayRecordComponent")
public record FakeReply(int status, List<Map.Entry<String, String>> headers, byte[] body, boolean hangs) {

    public FakeReply {
        headers = List.copyOf(headers);
    }

    /** An empty reply with the status. */
    public static FakeReply status(int status) {
        return new FakeReply(status, List.of(), new byte[0], false);
    }

    /** 200 with a text/plain body. */
    public static FakeReply ok(String body) {
        return status(200).header("Content-Type", "text/plain").body(body);
    }

    /** A reply that never comes. */
    public static FakeReply hang() {
        return new FakeReply(0, List.of(), new byte[0], true);
    }

    /** The same reply with one more header line. */
    public FakeReply header(String name, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(headers);
        more.add(Map.entry(name, value));
        return new FakeReply(status, more, body, hangs);
    }

    /** The same reply with a UTF-8 body. */
    public FakeReply body(String text) {
        return body(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The same reply with the body. */
    public FakeReply body(byte[] bytes) {
        return new FakeReply(status, headers, bytes, hangs);
    }
}
