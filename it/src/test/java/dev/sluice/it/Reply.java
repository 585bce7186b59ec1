package dev.sluice.it;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One HTTP response, fully read. */
final class Reply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;

    Reply(int status, HttpHeaders headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    int status() {
        return status;
    }

    byte[] body() {
        return body;
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, or "" when absent. */
    String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            throw new AssertionError("not JSON (" + status + "): " + text(), e);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public String toString() {
        String t = text();
        return status + " " + headers.map() + " " + (t.length() > 300 ? t.substring(0, 300) + "..." : t);
    }
}
