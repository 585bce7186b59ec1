package dev.sluice.dialect.cdnpro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.control.ApiUser;
import dev.sluice.control.webhook.Webhook;
import dev.sluice.control.webhook.WebhookRegistry;
import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.net.InternalAddresses;
import dev.sluice.dialect.SafeJson;
import dev.sluice.dialect.VendorError;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * {@code /cdn/webhooks} (§2.6): create (201 + Location), list, get, patch, delete, per tenant. The
 * secret key is stored to sign callbacks and never returned.
 *
 * <p>Design notes. The URL may not resolve to an internal address (unless the node allows it for
 * tests): the node would otherwise POST into its own network on the tenant's behalf; the sender checks
 * again before each attempt. The per-tenant limit is checked and the webhook inserted under one lock
 * per tenant, so concurrent creates cannot overshoot it (one node owns the registry).
 */
final class WebhookRoutes {

    static final int MAX_PER_TENANT = 20;

    private final WebhookRegistry registry;
    private final Clock clock;
    private final boolean allowInternalDestinations;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    WebhookRoutes(WebhookRegistry registry, Clock clock, boolean allowInternalDestinations) {
        this.registry = registry;
        this.clock = clock;
        this.allowInternalDestinations = allowInternalDestinations;
    }

    WireResponse create(ApiUser user, WireRequest request, Map<String, String> params) {
        Webhook hook = fill(user, SafeJson.read(request.body()), null);
        // Count and insert under the tenant's lock: concurrent creates would otherwise all see 19.
        synchronized (locks.computeIfAbsent(user.tenant(), t -> new Object())) {
            if (registry.list(user.tenant()).size() >= MAX_PER_TENANT) {
                throw new VendorError(
                        ErrorKind.FORBIDDEN,
                        "TooManyWebhooks",
                        "At most %d webhooks per customer.".formatted(MAX_PER_TENANT));
            }
            registry.save(hook);
        }
        return CdnPro.created("/cdn/webhooks/" + hook.id());
    }

    WireResponse list(ApiUser user, WireRequest request, Map<String, String> params) {
        ArrayNode hooks = SafeJson.mapper().createArrayNode();
        registry.list(user.tenant()).forEach(h -> hooks.add(json(h)));
        return CdnPro.json(200, hooks);
    }

    WireResponse get(ApiUser user, WireRequest request, Map<String, String> params) {
        return CdnPro.json(200, json(owned(user, params)));
    }

    WireResponse update(ApiUser user, WireRequest request, Map<String, String> params) {
        registry.save(fill(user, SafeJson.read(request.body()), owned(user, params)));
        return new WireResponse(200, WireHeaders.of("Content-Type", WireResponse.JSON), new byte[0]);
    }

    WireResponse delete(ApiUser user, WireRequest request, Map<String, String> params) {
        registry.delete(owned(user, params).id());
        return new WireResponse(200, WireHeaders.of("Content-Type", WireResponse.JSON), new byte[0]);
    }

    private Webhook owned(ApiUser user, Map<String, String> params) {
        Webhook hook = registry.find(params.getOrDefault("id", ""));
        if (hook == null || !hook.tenant().equals(user.tenant())) {
            throw new VendorError(ErrorKind.NOT_FOUND, "InvalidWebhookId", "The specified webhook does not exist.");
        }
        return hook;
    }

    /** A new webhook from the body, or the old one with the body's fields changed (PATCH). */
    private Webhook fill(ApiUser user, JsonNode body, @Nullable Webhook old) {
        if (!body.isObject()) {
            throw CdnPro.bad("InvalidRequest", "body: not a JSON object (expected: a webhook)");
        }
        String name = field(body, "name", old == null ? null : old.name(), 250, "InvalidName");
        String description =
                field(body, "description", old == null ? "" : old.description(), 500, "InvalidDescription");
        String url = field(body, "url", old == null ? null : old.url(), 250, "InvalidURL");
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw CdnPro.bad("InvalidURL", "url: %s (expected: http(s)://...)".formatted(CdnPro.abbreviated(url)));
        }
        if (!allowInternalDestinations) {
            checkPublic(url);
        }
        String user0 = old == null ? null : old.user();
        String secret = old == null ? null : old.secretKey();
        JsonNode creds = body.get("credentials");
        if (creds != null && !creds.isNull()) {
            JsonNode u = creds.get("user");
            JsonNode k = creds.get("secretKey");
            if (!creds.isObject()
                    || u == null
                    || !u.isTextual()
                    || u.asText().isEmpty()
                    || k == null
                    || !k.isTextual()
                    || k.asText().isEmpty()) {
                throw CdnPro.bad("InvalidCredential", "credentials: expected {user, secretKey}, both non-empty");
            }
            user0 = u.asText();
            secret = k.asText();
        }
        String id = old == null ? UUID.randomUUID().toString() : old.id();
        return new Webhook(
                id,
                user.tenant(),
                name,
                description,
                url,
                user0,
                secret,
                old == null ? clock.instant() : old.createdAt());
    }

    /** Refuses a URL without a host or whose host resolves to an internal address (SSRF). */
    private static void checkPublic(String url) {
        String host;
        try {
            host = new URI(url).getHost();
        } catch (URISyntaxException e) {
            host = null;
        }
        if (host == null) {
            throw CdnPro.bad("InvalidURL", "url: %s (expected: http(s)://host/...)".formatted(CdnPro.abbreviated(url)));
        }
        InetAddress internal = InternalAddresses.firstInternal(host);
        if (internal != null) {
            throw CdnPro.bad(
                    "InvalidURL",
                    "url: %s is %s, an internal address (expected: a public receiver)"
                            .formatted(CdnPro.abbreviated(host), internal.getHostAddress()));
        }
    }

    private static String field(JsonNode body, String name, @Nullable String fallback, int max, String code) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw CdnPro.bad(code, "%s: missing (expected: 1-%d characters)".formatted(name, max));
            }
            return fallback;
        }
        if (!n.isTextual()
                || n.asText().length() > max
                || (fallback == null && n.asText().isEmpty())) {
            throw CdnPro.bad(
                    code, "%s: %s (expected: 1-%d characters)".formatted(name, CdnPro.abbreviated(n.toString()), max));
        }
        return n.asText();
    }

    private static ObjectNode json(Webhook hook) {
        ObjectNode o = SafeJson.mapper().createObjectNode();
        o.put("id", hook.id());
        o.put("name", hook.name());
        o.put("description", hook.description());
        o.put("url", hook.url());
        if (hook.user() != null) {
            o.putObject("credentials").put("user", hook.user());
        }
        return o;
    }
}
