package dev.sluice.dialect.cdnpro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ErrorKind;
import dev.sluice.dialect.SafeJson;
import dev.sluice.dialect.VendorError;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/** CDN Pro's reply and error shapes. */
final class CdnPro {

    static final String DIALECT = "cdnpro";

    private CdnPro() {}

    static WireResponse json(int status, Object body) {
        try {
            return WireResponse.json(status, SafeJson.mapper().writeValueAsBytes(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reply: not serialisable", e);
        }
    }

    static WireResponse created(String location) {
        return new WireResponse(201, WireHeaders.of("Location", location, "Content-Length", "0"), new byte[0])
                .withHeader("Content-Type", WireResponse.JSON);
    }

    /** {@code {"code":..,"message":..}}; codes the table does not name come from the status. */
    static WireResponse error(int status, @Nullable String code, String message) {
        ObjectNode body = SafeJson.mapper().createObjectNode();
        body.put("code", code != null ? code : codeFor(status));
        body.put("message", message);
        return WireResponse.json(status, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "AccessDenied";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 413 -> "RequestBodyTooLarge";
            case 429 -> "RequestLimitExceeded";
            default -> "InternalError";
        };
    }

    static VendorError bad(String code, String message) {
        return VendorError.badRequest(code, message);
    }

    static VendorError invalidUrl(String url) {
        return bad(
                "InvalidPurgeUrl",
                "The purge URL '%s' is invalid. Special letters need to be encoded.".formatted(abbreviated(url)));
    }

    static VendorError notDeployed(String host, String target) {
        return bad(
                "InvalidPurgeUrl",
                "The host '%s' has not been deployed in the '%s' environment.".formatted(abbreviated(host), target));
    }

    static VendorError quota(String message) {
        return new VendorError(ErrorKind.FORBIDDEN, "PurgeQuotaExceeded", message);
    }

    static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
