package dev.sluice.dialect.quant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SluiceException;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireHeaders;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuantErrorsTest {

    private static final WireRequest REQUEST = Wire.request("GET", "/ping", WireHeaders.empty(), "");

    private static WireResponse failing(RuntimeException e) {
        WireHandler handler = QuantErrors.rendered(request -> {
            throw e;
        });
        return handler.handle(REQUEST);
    }

    @Test
    void domainFailuresGetTheirStatusAndTheQuantBody() {
        WireResponse reply = failing(new SluiceException(ErrorKind.FORBIDDEN, "Invalid credentials"));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.headers().first("content-type")).isEqualTo("application/json");
        assertThat(reply.bodyText())
                .isEqualTo("{\"error\":true,\"errorMsg\":\"Invalid credentials\",\"message\":\"Invalid credentials\"}");
    }

    @Test
    void rateLimitsTellWhenToComeBackInWholeSeconds() {
        WireResponse reply = failing(SluiceException.rateLimited("Rate limit exceeded", Duration.ofMillis(1500)));
        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.headers().first("Retry-After")).isEqualTo("2");
        WireResponse soon = failing(SluiceException.rateLimited("Rate limit exceeded", Duration.ofNanos(1)));
        assertThat(soon.headers().first("Retry-After")).isEqualTo("1");
    }

    @Test
    void aWrappedDomainFailureIsStillFound() {
        SluiceException tooLarge = new SluiceException(ErrorKind.PAYLOAD_TOO_LARGE, "body: too large");
        WireResponse reply = failing(new IllegalStateException("store failed", tooLarge));
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.bodyText()).contains("\"errorMsg\":\"body: too large\"");
    }

    @Test
    void anythingElseIsAnInternalError() {
        WireResponse reply = failing(new UncheckedIOException(new java.io.IOException("disk on fire")));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.bodyText())
                .isEqualTo("{\"error\":true,\"errorMsg\":\"Internal error\",\"message\":\"Internal error\"}");
    }

    @Test
    void storeNotFoundBecomesTheQuantPhrase() {
        WireHandler handler = QuantErrors.rendered(request -> QuantErrors.resource(() -> {
            throw SluiceException.notFound("Revision not found");
        }));
        WireResponse reply = handler.handle(REQUEST);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.bodyText()).contains("\"errorMsg\":\"Resource not found.\"");
    }
}
