package dev.sluice.api;

import dev.sluice.dialect.WireResponse;
import java.nio.charset.StandardCharsets;

/** The replies the server gives outside any dialect: JSON errors in the common shape. */
final class ApiReplies {

    private ApiReplies() {}

    /** {@code {"error":true,"errorMsg":..,"message":..}}: readable by Quant clients too. */
    static WireResponse error(int status, String message) {
        String text = quoted(message);
        String body = "{\"error\":true,\"errorMsg\":%s,\"message\":%s}".formatted(text, text);
        return WireResponse.json(status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A JSON string literal. */
    static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
