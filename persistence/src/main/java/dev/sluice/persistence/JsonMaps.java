package dev.sluice.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** String maps (revision headers and info) as JSON objects in a TEXT column, order kept. */
final class JsonMaps {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> TYPE = new TypeReference<>() {};

    private JsonMaps() {}

    static String encode(Map<String, String> map) {
        try {
            return MAPPER.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new SluiceException(ErrorKind.INTERNAL, "store: map not encoded (%s)".formatted(e.getMessage()), e);
        }
    }

    static Map<String, String> decode(String json) {
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(json, TYPE));
        } catch (JsonProcessingException e) {
            throw new SluiceException(ErrorKind.INTERNAL, "store: map not decoded (%s)".formatted(e.getMessage()), e);
        }
    }
}
