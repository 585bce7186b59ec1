package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuantJsonTest {

    private static ObjectNode read(String json) {
        return QuantJson.readObject(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void malformedEmptyAndNonObjectBodiesAreBadRequests() {
        assertThatThrownBy(() -> read("{\"url\": "))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST))
                .hasMessageStartingWith("body: malformed JSON (");
        assertThatThrownBy(() -> read("")).hasMessage("body: empty (expected: a JSON object)");
        assertThatThrownBy(() -> read("[1]")).hasMessage("body: JSON array (expected: a JSON object)");
    }

    @Test
    void fieldsAreReadLeniently() {
        ObjectNode body = read("""
                {"url":"/a","published":1,"draft":"false","code":"301","n":7,
                 "headers":{"Content_Type":"text/css","X-Num":5,"nested":{"a":1}},"empty":[]}
                """);
        assertThat(JsonFields.text(body, "url")).isEqualTo("/a");
        assertThat(JsonFields.flag(body, "published", false)).isTrue();
        assertThat(JsonFields.flag(body, "draft", true)).isFalse();
        assertThat(JsonFields.flag(body, "absent", true)).isTrue();
        assertThat(JsonFields.optionalLong(body, "code")).isEqualTo(301L);
        assertThat(JsonFields.optionalLong(body, "n")).isEqualTo(7L);
        assertThat(JsonFields.optionalLong(body, "absent")).isNull();
        assertThat(JsonFields.strings(body, "headers", true))
                .isEqualTo(Map.of("content-type", "text/css", "x-num", "5"));
        assertThat(JsonFields.strings(body, "empty", true)).isEmpty();
    }

    @Test
    void missingAndMistypedFieldsNameTheField() {
        ObjectNode body = read("{\"url\":5,\"published\":\"maybe\",\"code\":\"x\",\"headers\":\"no\"}");
        assertThatThrownBy(() -> JsonFields.text(body, "content")).hasMessage("content: missing (expected: a string)");
        assertThatThrownBy(() -> JsonFields.text(body, "url")).hasMessage("url: number (expected: a string)");
        assertThatThrownBy(() -> JsonFields.flag(body, "published", true))
                .hasMessage("published: \"maybe\" (expected: true or false)");
        assertThatThrownBy(() -> JsonFields.optionalLong(body, "code"))
                .hasMessage("code: \"x\" (expected: a whole number)");
        assertThatThrownBy(() -> JsonFields.strings(body, "headers", true))
                .hasMessage("headers: string (expected: an object of strings)");
    }

    @Test
    void fileHeadersMustBeAJsonObject() {
        assertThat(ContentRoutes.fileHeaders("{\"Content-Type\":\"image/png\"}"))
                .isEqualTo(Map.of("content-type", "image/png"));
        assertThat(ContentRoutes.fileHeaders(null)).isEmpty();
        assertThatThrownBy(() -> ContentRoutes.fileHeaders("{oops"))
                .hasMessageStartingWith("Quant-File-Headers: malformed JSON (");
        assertThatThrownBy(() -> ContentRoutes.fileHeaders("[]"))
                .hasMessage("Quant-File-Headers: [] (expected: a JSON object)");
    }
}
