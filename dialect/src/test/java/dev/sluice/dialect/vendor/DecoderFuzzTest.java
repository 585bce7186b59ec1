package dev.sluice.dialect.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of each dialect's decoder through its whole handler (signature, limits,
 * decoding, routing): valid requests with bytes flipped, truncated, slices duplicated, huge numbers,
 * deep nesting, XML entity tricks, JSON values of the wrong type, bad UTF-8 and bad percent-escapes.
 * Every reply must be a vendor reply (never 5xx, never an empty body but CDN Pro's 201), and a refused request must
 * log no purge and record no task. The clock moves a day per request so rate limits and quotas
 * never hide a decoder path. Run with {@code -Dfuzz.seed=<n>} to replay a printed seed.
 */
class DecoderFuzzTest {

    private static final int ROUNDS = 1500;

    private static final String PRO = """
            {"name":"n","target":"production","action":"delete","fileUrls":["http://www.acme.test/a.jpg?x=1"],\
            "fileHeaders":[{"name":"X-Dev","value":"1"}],"dirUrls":["http://www.acme.test/d/*.png"],\
            "regexPatterns":["any://www.acme.test/r/[a-c]+\\\\.jpg"]}""";
    private static final String QTL = """
            <?xml version="1.0" encoding="UTF-8"?><purge-urls><version>1.0.0</version>\
            <file-url>http://www.acme.test/1.txt?a=%C3%A9</file-url><dir-url>http://www.acme.test/mydir</dir-url></purge-urls>""";
    private static final String FIVE = "{\"files\":[\"/videos/file.mp4\",\"/images/logo%20x.png\"]}";

    private static final List<String> INSERTS = List.of(
            "99999999999999999999999999999999999999",
            "1e999999",
            "-0.0",
            "\"\\ud800\"",
            "null",
            "{}",
            "[]",
            "[".repeat(200),
            "{\"a\":".repeat(100),
            "%",
            "%G1",
            "%C3",
            "%ab",
            "*",
            "**",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>",
            "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>",
            "&e;",
            "&b;",
            "<![CDATA[http://shop.globex.test/x]]>",
            "<file-url>http://shop.globex.test/x</file-url>",
            "<x>".repeat(150),
            "http://shop.globex.test/",
            "\u0000",
            "é");
    private static final byte[][] BAD_BYTES = {
        {(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {0}
    };

    private final VendorFixture f = new VendorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void cdnProDecoderNeverFailsOrPurgesOnARefusal() {
        fuzz(
                "cdnpro",
                PRO,
                body -> f.cdnpro.handle(f.signed("POST", "/purges", "acme-pro", "acme-key", body, Map.of())));
    }

    @Test
    void quantilDecoderNeverFailsOrPurgesOnARefusal() {
        fuzz("quantil", QTL, body -> f.quantil.handle(f.signed("POST", "", "acme-qtl", "acme-qkey", body, Map.of())));
    }

    @Test
    void fiveCentsDecoderNeverFailsOrPurgesOnARefusal() {
        fuzz(
                "fivecents",
                FIVE,
                body -> f.fivecents.handle(VendorFixture.request(
                        "POST",
                        "/http/pull/11/purge",
                        WireHeaders.of("X-API-Key", "acme-5c"),
                        body,
                        Map.of("delete", List.of("true")))));
    }

    private void fuzz(String dialect, String valid, Function<String, WireResponse> send) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.printf("DecoderFuzzTest %s seed: %d%n", dialect, seed);
        Random random = new Random(seed);
        assertThat(send.apply(valid).status()).as("the unmutated request").isLessThan(300);
        int refused = 0;
        for (int i = 0; i < ROUNDS; i++) {
            f.clock.advance(Duration.ofHours(25));
            byte[] mutated = mutate(random, valid.getBytes(StandardCharsets.UTF_8));
            String body = new String(mutated, StandardCharsets.ISO_8859_1);
            long seq = f.log.lastSeq();
            int tasks = tasks();
            WireResponse reply = send.apply(reencode(mutated));
            String where = "seed %d round %d: %s".formatted(seed, i, body);
            assertThat(reply.status()).as(where).isBetween(200, 499);
            if (reply.status() != 201) { // CDN Pro's 201 is documented without a body
                assertThat(reply.body()).as(where).isNotEmpty();
            }
            if (reply.status() >= 300) {
                refused++;
                assertThat(f.log.lastSeq()).as("purged on refusal, " + where).isEqualTo(seq);
                assertThat(tasks()).as("task on refusal, " + where).isEqualTo(tasks);
            }
        }
        assertThat(refused).as("mutations that were refused").isGreaterThan(ROUNDS / 4);
    }

    /** The bytes as the handler's body: decoded leniently, so bad UTF-8 reaches the decoder as U+FFFD or raw. */
    private static String reencode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private int tasks() {
        int n = 0;
        for (String tenant : List.of("acme", "globex")) {
            for (String dialect : List.of("cdnpro", "quantil", "fivecents")) {
                n += f.taskStore
                        .list(tenant, dialect, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"))
                        .size();
            }
        }
        return n;
    }

    static byte[] mutate(Random random, byte[] valid) {
        byte[] out = valid;
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            out = edit(random, out);
        }
        return out;
    }

    private static byte[] edit(Random random, byte[] in) {
        int at = in.length == 0 ? 0 : random.nextInt(in.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] copy = in.clone();
                if (copy.length > 0) {
                    copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
                }
                return copy;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(in, at);
            }
            case 2 -> {
                int len = Math.min(in.length - at, 1 + random.nextInt(40));
                out.write(in, 0, at + len);
                out.write(in, at, len);
                out.write(in, at + len, in.length - at - len);
            }
            case 3 -> {
                out.write(in, 0, at);
                out.writeBytes(BAD_BYTES[random.nextInt(BAD_BYTES.length)]);
                out.write(in, at, in.length - at);
            }
            default -> {
                out.write(in, 0, at);
                out.writeBytes(INSERTS.get(random.nextInt(INSERTS.size())).getBytes(StandardCharsets.UTF_8));
                out.write(in, at, in.length - at);
            }
        }
        return out.toByteArray();
    }

    @Test
    void bodiesThatAreNotUtf8ReachTheDecodersAsBytes() {
        byte[] latin = "{\"files\":[\"/caf\u00e9\"]}".getBytes(StandardCharsets.ISO_8859_1);
        WireResponse reply = f.fivecents.handle(new WireRequest(
                "POST",
                "/http/pull/11/purge",
                Map.of(),
                WireHeaders.of("X-API-Key", "acme-5c"),
                new ByteArrayInputStream(latin)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(f.log.lastSeq()).isZero();
    }
}
