package dev.sluice.dialect.quant;

import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Builds wire requests for no-socket tests. */
final class Wire {

    private Wire() {}

    static WireRequest request(String method, String path, WireHeaders headers, byte[] body) {
        return request(method, path, Map.of(), headers, body);
    }

    static WireRequest request(
            String method, String path, Map<String, List<String>> query, WireHeaders headers, byte[] body) {
        return new WireRequest(method, path, query, headers, new ByteArrayInputStream(body));
    }

    static WireRequest request(String method, String path, WireHeaders headers, String body) {
        return request(method, path, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
