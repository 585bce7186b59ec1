package dev.sluice.dialect;

import java.nio.charset.StandardCharsets;

/**
 * A reply ready to be written: management API replies are small (JSON or XML documents), so the body
 * is held whole.
 *
 * @param status the HTTP status
 * @param headers the reply headers, Content-Type included
 * @param body the body bytes
 */
// The body is written once and never changed after the dialect builds it.
@SuppressWarnings("ArrayRecordComponent")
public record WireResponse(int status, WireHeaders headers, byte[] body) {

    public static final String JSON = "application/json";

    /** A JSON reply. */
    public static WireResponse json(int status, byte[] body) {
        return new WireResponse(status, WireHeaders.of("Content-Type", JSON), body);
    }

    /** A copy with one more header. */
    public WireResponse withHeader(String name, String value) {
        return new WireResponse(status, headers.with(name, value), body);
    }

    /** The body as UTF-8 text, for logs and tests. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
