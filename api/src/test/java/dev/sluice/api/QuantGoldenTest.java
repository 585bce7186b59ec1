package dev.sluice.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every golden file under {@code golden/quant} against a fresh node over real HTTP: each step's
 * status, reply and logged purges must be exactly as written.
 */
class QuantGoldenTest {

    @TempDir
    Path dataDir;

    static Stream<GoldenCase> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(QuantGoldenTest.class.getResource("/golden/quant").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            List<GoldenCase> cases = files.filter(f -> f.toString().endsWith(".json"))
                    .sorted()
                    .map(f -> {
                        try {
                            return GoldenCase.load(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(9);
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replyAndPurgesAreExactlyAsWritten(GoldenCase golden) throws IOException {
        try (QuantNode node = new QuantNode(dataDir)) {
            int index = 0;
            for (JsonNode step : golden.steps()) {
                long before = node.purgeLog().lastSeq();
                HttpResponse<String> response = node.send(GoldenCase.request(node, step));
                String mismatch = GoldenCase.mismatch(step, response, node.purgesAfter(before));
                assertThat(mismatch)
                        .as("%s step %d: %s", golden.name(), index, step.get("request"))
                        .isNull();
                index++;
            }
        }
    }
}
