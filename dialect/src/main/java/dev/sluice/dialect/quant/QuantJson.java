package dev.sluice.dialect.quant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Jackson for the Quant dialect: reading request bodies (malformed JSON is a 400 that says where)
 * and writing replies. Replies are built as trees so their key order is the documented one.
 */
final class QuantJson {

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    static {
        // Page markup arrives as one JSON string: allow strings as large as the body limit allows.
        MAPPER.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .build());
    }

    private QuantJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A 200 JSON reply. */
    static WireResponse ok(JsonNode body) {
        return reply(200, body);
    }

    static WireResponse reply(int status, JsonNode body) {
        try {
            return WireResponse.json(status, MAPPER.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException("writing a reply tree cannot fail", e);
        }
    }

    /** The body as a JSON object; empty, malformed or non-object bodies are BAD_REQUEST. */
    static ObjectNode readObject(InputStream body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw SluiceException.badRequest("body: malformed JSON (%s)".formatted(e.getOriginalMessage()));
        } catch (IOException e) {
            // The client went away or sent a broken stream: nothing was stored.
            throw new SluiceException(ErrorKind.BAD_REQUEST, "body: unreadable (%s)".formatted(e.getMessage()), e);
        }
        if (node == null || node.isMissingNode()) {
            throw SluiceException.badRequest("body: empty (expected: a JSON object)");
        }
        if (!(node instanceof ObjectNode object)) {
            throw SluiceException.badRequest("body: JSON %s (expected: a JSON object)"
                    .formatted(node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return object;
    }
}
