package dev.sluice.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Quant {@code /v1} API of a node, called with one site's credentials, as quant-cli 1.12 calls it. */
record QuantApi(URI api, String customer, String project, String token) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static QuantApi of(RunningNode node, SiteSpec site) {
        return new QuantApi(node.api(), site.tenant(), site.site(), site.token());
    }

    QuantApi withToken(String otherToken) {
        return new QuantApi(api, customer, project, otherToken);
    }

    QuantApi as(String otherCustomer, String otherProject) {
        return new QuantApi(api, otherCustomer, otherProject, token);
    }

    /** A request to {@code /v1<path>} with the auth headers set. */
    HttpRequest.Builder request(String path) {
        return Http.request(URI.create(api + "/v1" + path))
                .header("Quant-Customer", customer)
                .header("Quant-Project", project)
                .header("Quant-Token", token);
    }

    Reply ping() {
        return Http.send(request("/ping").GET().build());
    }

    /** {@code POST /v1} with a JSON content revision, published. */
    Reply content(String url, String html) {
        ObjectNode body = JSON.createObjectNode()
                .put("url", url)
                .put("content", html)
                .put("published", true)
                .put("find_attachments", false);
        return json("", body.toString());
    }

    Reply json(String path, String body) {
        return Http.send(request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
    }

    /** {@code POST /v1} with a multipart file revision (part {@code data}, like quant-cli). */
    Reply file(String url, String filename, byte[] bytes) {
        String boundary = "----sluice-it-" + UUID.randomUUID();
        return Http.send(request("")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Quant-File-Url", url)
                .POST(BodyPublishers.ofByteArray(multipart(boundary, filename, bytes)))
                .build());
    }

    static byte[] multipart(String boundary, String filename, byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + filename + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The first page of published, not deleted records, 500 per page (quant-cli's query). */
    Reply globalMeta(int page) {
        return Http.send(request("/global-meta?page_size=500&published=true&deleted=false"
                        + "&sort_field=last_modified&sort_direction=desc&page=" + page)
                .GET()
                .build());
    }

    Reply publishedRevision(String url) {
        return Http.send(
                request("/revisions/published").header("Quant-Url", url).GET().build());
    }

    Reply unpublish(String url) {
        return Http.send(request("/unpublish")
                .header("Quant-Url", url)
                .method("PATCH", BodyPublishers.noBody())
                .build());
    }

    Reply purge(String url) {
        return Http.send(request("/purge")
                .header("Quant-Url", url)
                .POST(BodyPublishers.noBody())
                .build());
    }
}
