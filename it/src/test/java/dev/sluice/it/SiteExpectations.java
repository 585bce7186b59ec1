package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;

/**
 * What the edge must serve for a deployed static site, per quant-cli 1.12's URL rules (spec §1.0,
 * §1.6): {@code a/index.html} at {@code /a/}, {@code /a} and {@code /a/index.html}; {@code a/x.html}
 * at {@code /a/x} and {@code /a/x/}, with {@code /a/x.html} a 302 to {@code /a/x}; any other file
 * at its own path, byte for byte.
 */
final class SiteExpectations {

    private SiteExpectations() {}

    /** The URLs that serve the file's bytes. */
    static List<String> contentUrls(String relativePath) {
        if (relativePath.equals("index.html")) {
            return List.of("/", "/index.html");
        }
        if (relativePath.endsWith("/index.html")) {
            String dir = "/" + relativePath.substring(0, relativePath.length() - "/index.html".length());
            return List.of(dir + "/", dir, "/" + relativePath);
        }
        if (relativePath.endsWith(".html")) {
            String base = "/" + relativePath.substring(0, relativePath.length() - ".html".length());
            return List.of(base, base + "/");
        }
        return List.of("/" + relativePath);
    }

    /** The primary URL of a file (the first of {@link #contentUrls}). */
    static String url(String relativePath) {
        return contentUrls(relativePath).getFirst();
    }

    static boolean isPageRedirected(String relativePath) {
        return relativePath.endsWith(".html") && !relativePath.endsWith("index.html");
    }

    /** Asserts every file is served at each of its URLs, collecting all failures. */
    static void assertAllServed(EdgeClient edge, Map<String, byte[]> files) {
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            for (String url : contentUrls(f.getKey())) {
                Reply r = edge.get(url);
                soft.assertThat(r.status())
                        .as("status of %s (%s)", url, f.getKey())
                        .isEqualTo(200);
                soft.assertThat(r.body()).as("body of %s (%s)", url, f.getKey()).isEqualTo(f.getValue());
            }
            if (isPageRedirected(f.getKey())) {
                String from = "/" + f.getKey();
                Reply r = edge.get(from);
                soft.assertThat(r.status()).as("status of %s", from).isEqualTo(302);
                soft.assertThat(r.header("Location")).as("Location of %s", from).endsWith(url(f.getKey()));
            }
        }
        soft.assertAll();
    }

    /** Asserts none of the file's URLs serves content any more. */
    static void assertGone(EdgeClient edge, String relativePath) {
        for (String url : contentUrls(relativePath)) {
            assertThat(edge.get(url).status())
                    .as("status of %s after removal", url)
                    .isEqualTo(404);
        }
    }
}
