package dev.sluice.edge.proxy;

import dev.sluice.edge.origin.ForwardTarget;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Header hygiene for forwarded exchanges (RFC 9110 section 7.6.1): hop-by-hop fields, and any field
 * the Connection header names, never cross the edge in either direction. Requests lose what would
 * make the origin's answer partial, conditional or encoded (the edge wants a whole identity body it
 * can cache and serve to anyone) and gain X-Forwarded-For/-Host/-Proto. Responses lose cache tags
 * and the targeted cache fields Surrogate-Control and CDN-Cache-Control (they are the edge's
 * business, not the client's).
 */
final class ProxyHeaders {

    static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "keep-alive",
            "proxy-connection",
            "proxy-authenticate",
            "proxy-authorization",
            "te",
            "trailer",
            "transfer-encoding",
            "upgrade");

    /** Response headers that carry cache tags. */
    static final Set<String> TAG_HEADERS = Set.of("cache-keys", "surrogate-key", "cache-tag");

    private static final Set<String> REQUEST_DROPPED = Set.of(
            "host",
            "accept-encoding",
            "range",
            "if-range",
            "if-match",
            "if-none-match",
            "if-modified-since",
            "if-unmodified-since",
            "x-forwarded-for",
            "x-forwarded-host",
            "x-forwarded-proto",
            "forwarded",
            "content-length",
            "expect");

    // Date is the edge's own; the targeted cache fields (RFC 9213) are for this cache, not clients.
    private static final Set<String> RESPONSE_DROPPED =
            Set.of("date", "cache-status", "server", "surrogate-control", "cdn-cache-control");

    private ProxyHeaders() {}

    /** Fills the origin request's headers from the client's. */
    static void request(Request client, ForwardTarget target, HttpFields.Mutable out) {
        HttpFields in = client.getHeaders();
        Set<String> listed = connectionListed(in);
        boolean ownAuth = target.basicAuthUser() != null;
        for (HttpField f : in) {
            String name = f.getLowerCaseName();
            if (HOP_BY_HOP.contains(name) || listed.contains(name) || REQUEST_DROPPED.contains(name)) {
                continue;
            }
            if (ownAuth && name.equals("authorization")) {
                continue;
            }
            out.add(f);
        }
        String priorFor = in.get("X-Forwarded-For");
        String addr = Request.getRemoteAddr(client);
        out.put("X-Forwarded-For", priorFor == null ? addr : priorFor + ", " + addr);
        String host = in.get(HttpHeader.HOST);
        if (host != null) {
            out.put("X-Forwarded-Host", host);
        }
        out.put("X-Forwarded-Proto", client.isSecure() ? "https" : "http");
        refresh(target, out);
    }

    /** The headers of a request the edge makes on its own: identity coding and the target's credentials. */
    static void refresh(ForwardTarget target, HttpFields.Mutable out) {
        out.put(HttpHeader.ACCEPT_ENCODING, "identity");
        String user = target.basicAuthUser();
        if (user != null) {
            String pass = target.basicAuthPassword() == null ? "" : target.basicAuthPassword();
            String token = Base64.getEncoder().encodeToString((user + ":" + pass).getBytes(StandardCharsets.UTF_8));
            out.put(HttpHeader.AUTHORIZATION, "Basic " + token);
        }
    }

    /** Copies the origin response's end-to-end headers to the client response. */
    static void response(HttpFields in, HttpFields.Mutable out) {
        Set<String> listed = connectionListed(in);
        for (HttpField f : in) {
            String name = f.getLowerCaseName();
            if (!HOP_BY_HOP.contains(name)
                    && !listed.contains(name)
                    && !TAG_HEADERS.contains(name)
                    && !RESPONSE_DROPPED.contains(name)) {
                out.add(f);
            }
        }
    }

    /** Whether the field may be stored with a cached copy of the response. */
    static boolean storable(HttpField f, Set<String> connectionListed) {
        String name = f.getLowerCaseName();
        return !HOP_BY_HOP.contains(name)
                && !connectionListed.contains(name)
                && !TAG_HEADERS.contains(name)
                && !RESPONSE_DROPPED.contains(name)
                && !Set.of("age", "etag", "content-length", "set-cookie", "accept-ranges", "content-range")
                        .contains(name);
    }

    /** The field names a Connection header lists (lower case). */
    static Set<String> connectionListed(HttpFields fields) {
        Set<String> names = new HashSet<>();
        for (String value : fields.getValuesList(HttpHeader.CONNECTION)) {
            for (String token : value.split(",", -1)) {
                String t = token.trim().toLowerCase(Locale.ROOT);
                if (!t.isEmpty()) {
                    names.add(t);
                }
            }
        }
        return names;
    }
}
