package dev.sluice.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.sluice.core.SluiceException;
import java.io.IOException;
import java.io.InputStream;

/**
 * JSON request bodies for the vendor dialects, read with limits: nesting at most {@value
 * #MAX_DEPTH}, strings and numbers bounded, duplicate keys and trailing content refused. Malformed
 * input is a BAD_REQUEST; a body over the server's limit stays a PAYLOAD_TOO_LARGE.
 */
public final class SafeJson {

    public static final int MAX_DEPTH = 16;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxStringLength(64 * 1024)
                            .maxNumberLength(32)
                            .maxNameLength(1024)
                            .build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private SafeJson() {}

    /** The body as a tree; an empty body is a {@link MissingNode}. */
    public static JsonNode read(InputStream body) {
        try (JsonParser parser = MAPPER.createParser(body)) {
            JsonNode node = MAPPER.readTree(parser);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw SluiceException.badRequest("body: not valid JSON (%s)".formatted(firstLine(e.getMessage())));
        }
    }

    /** The shared mapper, for writing replies. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String firstLine(@org.jspecify.annotations.Nullable String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
