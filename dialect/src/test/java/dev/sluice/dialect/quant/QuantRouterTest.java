package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuantRouterTest {

    private static QuantRoute echo(String name) {
        return call -> WireResponse.json(200, (name + " " + call.params()).getBytes(StandardCharsets.UTF_8));
    }

    private final QuantRouter router = new QuantRouter()
            .add("POST", "/", echo("push"))
            .add("GET", "/revisions", echo("list"))
            .add("GET", "/revisions/{selector}", echo("one"))
            .add("PATCH", "/publish/{revision}", echo("publish"));

    private String route(String method, String path) {
        return router.route(Wire.request(method, path, WireHeaders.empty(), "")).bodyText();
    }

    @Test
    void routesLiteralAndParameterisedPaths() {
        assertThat(route("POST", "")).isEqualTo("push {}");
        assertThat(route("POST", "/")).isEqualTo("push {}");
        assertThat(route("GET", "/revisions/")).isEqualTo("list {}");
        assertThat(route("GET", "/revisions/published")).isEqualTo("one {selector=published}");
        assertThat(route("PATCH", "/publish/3")).isEqualTo("publish {revision=3}");
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodIsNotAllowed() {
        assertThatThrownBy(() -> route("GET", "/nope")).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Route not found: GET /v1/nope");
        });
        assertThatThrownBy(() -> route("GET", "")).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.METHOD_NOT_ALLOWED);
            assertThat(e.getMessage()).isEqualTo("Method not allowed: GET /v1 (expected: POST)");
        });
        assertThatThrownBy(() -> route("GET", "/revisions/a/b")).isInstanceOf(SluiceException.class);
    }
}
