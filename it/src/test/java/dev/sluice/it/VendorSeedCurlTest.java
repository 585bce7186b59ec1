package dev.sluice.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.testing.FakeOrigin;
import dev.sluice.testing.FakeReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vendor seeds' own curl examples (copied verbatim under {@code seeds/}), run through bash and
 * the real curl against a whole node with the API host swapped for the node's. The seeds' own
 * placeholder credentials are configured ({@code example_username}/{@code example_apiKey}, {@code
 * YOUR_API_KEY}) and their own hosts are the tenant's sites, so CDN Pro's script and 5centsCDN's
 * command run unchanged but for the host. QUANTIL's sample carries a password precomputed over a 2014
 * Date with an unknown key: its Date is swapped for the current time, written the same way (in
 * {@code PDT}), and its password for the one our key gives. Each gives its documented result.
 */
class VendorSeedCurlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SiteSpec INFO = new SiteSpec("example", "info", "domain.info", "t-info");
    private static final SiteSpec DOMAIN2 = new SiteSpec("example", "domain2", "test.domain2.com", "t-domain2");
    private static final SiteSpec QTL = new SiteSpec("example", "qtl", "mynewtestdomain1.com", "t-qtl");
    private static final SiteSpec PULL = new SiteSpec("example", "zone42", "videos.example.test", "t-pull");
    private static final SiteSpec OTHER = new SiteSpec("other", "www", "test.domain.info", "t-other");
    private static final Signer NTEST = new Signer("ntest", "ntest-key");

    @TempDir
    static Path tmp;

    private static FakeOrigin origin;
    private static RunningNode node;

    @BeforeAll
    static void start() throws Exception {
        origin = FakeOrigin.start();
        NodeConfig config = NodeConfig.of(tmp.resolve("data"))
                .site(INFO)
                .site(DOMAIN2)
                .site(QTL)
                .site(PULL)
                .site(OTHER)
                .siteYaml(PULL, "origin: \"" + origin.uri("") + "\"")
                .siteYaml(PULL, "zone: 42")
                .tenant(
                        "example",
                        "credentials: { cdnpro: [{ user: example_username, key: example_apiKey }],"
                                + " quantil: [{ user: ntest, key: ntest-key }], fivecents: [{ key: YOUR_API_KEY }] }")
                .tenant("other", "credentials: { cdnpro: [{ user: other, key: other-key }] }");
        node = InProcessNode.start(config.write(tmp));
    }

    @AfterAll
    static void stop() throws Exception {
        node.close();
        origin.close();
    }

    private static String seed(String name) {
        try (InputStream in = VendorSeedCurlTest.class.getResourceAsStream("/seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from);
        assertThat(from).as(start).isNotNegative();
        assertThat(to).as(end).isGreaterThan(from);
        return text.substring(from, to + end.length());
    }

    /** What {@code curl -i} printed: the status line's code and the whole output. */
    record Output(int status, String text) {

        String header(String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": *(.*?)\\r?$")
                    .matcher(text);
            return m.find() ? m.group(1) : "";
        }

        String body() {
            int blank = text.lastIndexOf("\r\n\r\n");
            return blank < 0 ? text : text.substring(blank + 4);
        }
    }

    private static Output bash(String script) {
        try {
            Process p = new ProcessBuilder("bash", "-c", script)
                    .directory(tmp.toFile())
                    .redirectError(tmp.resolve("curl.stderr").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("ran longer than 60 s: " + script);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            System.out.printf("$ %s%n%s%n", script, out);
            Matcher status = Pattern.compile("^HTTP/[0-9.]+ (\\d{3})").matcher(out);
            assertThat(status.find()).as("curl -i output: %s", out).isTrue();
            return new Output(Integer.parseInt(status.group(1)), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seed002CdnProScriptCreatesATaskAndItsErrorTableHolds() {
        String script = between(seed("002_68dea3ef219dc06a.txt"), "#!/bin/bash", "\"target\": \"production\"\n}'")
                .replace("https://api.cdnetworks.com", node.api().toString());
        Output created = bash(script);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Content-Length")).isEqualTo("0");
        String location = created.header("Location");
        assertThat(location).matches(".*/cdn/purges/[0-9a-f-]{36}");

        String status = script.replaceFirst("(?s)-X \"POST\".*$", "")
                        .replace("/cdn/purges\"", location.substring(location.indexOf("/cdn/")) + "\"")
                + " -H \"Date: $date\" -u \"$username:$password\"";
        Output got = bash(status);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body())
                .contains("\"status\":\"finished\"", "\"successRate\":100", "\"action\":\"invalidate\"")
                .contains("http://test.domain2.com/2.txt?q1=1&q2=3", "\"customheader1\"");

        for (String[] example : new String[][] {
            {
                "http://test.domain.info/a.png",
                "The host 'test.domain.info' has not been deployed in the 'production' environment."
            },
            {
                "http://domain.info/newfile[1]{tes`|t^}p.png",
                "The purge URL 'http://domain.info/newfile[1]{tes`|t^}p.png' is invalid. Special letters need to be encoded."
            },
            {
                "http://domain.info/i/image/gallery/123%abc.jpg",
                "The purge URL 'http://domain.info/i/image/gallery/123%abc.jpg' is invalid. Special letters need to be encoded."
            }
        }) {
            String body = "{\"fileUrls\":[\"" + example[0] + "\"],\"target\":\"production\"}";
            Output refused = bash(script.replaceFirst("(?s)-d '\\{.*$", "-d '" + body.replace("'", "'\\''") + "'"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body())
                    .isEqualTo(JSON.createObjectNode()
                            .put("code", "InvalidPurgeUrl")
                            .put("message", example[1])
                            .toString());
        }
    }

    @Test
    void seed001QuantilSampleIsAcceptedAndItsStatusIsSuccess() {
        String sample = Pattern.compile("(?m)^curl -i --url 'https://api.quantil.com/api/purge'.*$")
                .matcher(seed("001_a3b9f28990e12df3.txt"))
                .results()
                .findFirst()
                .orElseThrow()
                .group();
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'PDT'", Locale.US)
                .withZone(ZoneOffset.ofHours(-7))
                .format(Instant.now());
        String command = sample.replace("https://api.quantil.com", node.api().toString())
                .replace("ntest:hejdIfk9nqIvnhaX/1ltjyVdF58=", "'ntest:" + NTEST.password(date) + "'")
                .replace("Thu, 07 Aug 2014 09:52:59 PDT", date);
        Output accepted = bash(command);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.header("Content-Type")).isEqualTo("application/xml; charset=utf-8");
        assertThat(accepted.header("x-cnc-request-id")).isNotEmpty();
        String location = accepted.header("Location");
        assertThat(location).matches(".*/api/purge/[0-9a-f-]{36}");
        assertThat(accepted.body()).contains("<response><message>success</message></response>");

        Output status = bash("curl -i --url '" + node.api() + location.substring(location.indexOf("/api/"))
                + "' -u 'ntest:" + NTEST.password(date) + "' -H 'Date: " + date + "' -H 'Accept: application/xml'");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body())
                .contains(
                        "<path>http://mynewtestdomain1.com/1.txt</path><status>Success</status><rate>100.0</rate><isdir>N</isdir>")
                .contains(
                        "<path>http://mynewtestdomain1.com/mydir</path><status>Success</status><rate>100.0</rate><isdir>Y</isdir>");

        Output replayed =
                bash(sample.replace("https://api.quantil.com", node.api().toString()));
        assertThat(replayed.status()).as("the seed's 2014 signature, replayed").isEqualTo(401);
    }

    @Test
    void seed004FiveCentsPurgeEvictsThePullZoneFiles() {
        origin.always("/videos/file.mp4", FakeReply.ok("video").header("Cache-Control", "max-age=3600"));
        EdgeClient edge = EdgeClient.of(node, PULL);
        edge.get("/videos/file.mp4");
        assertThat(edge.get("/videos/file.mp4").header("Cache-Status")).contains("hit");
        int before = origin.hits("/videos/file.mp4");

        String command = between(seed("004_1383289c63fc2c3f.txt"), "curl -X POST", "]\n}'")
                        .replace("https://api.5centscdn.com", node.api().toString())
                + " -i";
        Output purged = bash(command);
        assertThat(purged.status()).isEqualTo(200);
        assertThat(purged.body()).isEqualTo("{\"result\":\"success\",\"message\":\"Zone Purged\"}");

        Reply after = edge.get("/videos/file.mp4");
        assertThat(after.header("Cache-Status")).doesNotContain("; hit");
        assertThat(after.text()).isEqualTo("video");
        assertThat(origin.hits("/videos/file.mp4")).isEqualTo(before + 1);

        Output wrongKey = bash(command.replace("YOUR_API_KEY", "not-a-key"));
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.body())
                .isEqualTo("{\"status\":\"error\",\"errors\":[{\"code\":401,"
                        + "\"message\":\"Invalid API key. Check your key or generate a new one.\"}]}");
    }
}
