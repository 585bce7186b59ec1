package dev.sluice.core.http;

import static dev.sluice.core.http.Conditionals.Outcome.NOT_MODIFIED;
import static dev.sluice.core.http.Conditionals.Outcome.PRECONDITION_FAILED;
import static dev.sluice.core.http.Conditionals.Outcome.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.http.Conditionals.Preconditions;
import org.junit.jupiter.api.Test;

class ConditionalsTest {

    private static final String ETAG = "\"abc\"";
    private static final long MODIFIED = HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT");
    private static final String BEFORE = "Sat, 05 Nov 1994 08:49:37 GMT";
    private static final String AT = "Sun, 06 Nov 1994 08:49:37 GMT";

    private static Conditionals.Outcome get(Preconditions p) {
        return Conditionals.evaluate(p, true, ETAG, MODIFIED);
    }

    @Test
    void ifNoneMatchUsesWeakComparison() {
        assertThat(get(new Preconditions(null, "\"abc\"", null, null))).isEqualTo(NOT_MODIFIED);
        assertThat(get(new Preconditions(null, "\"x\", W/\"abc\"", null, null))).isEqualTo(NOT_MODIFIED);
        assertThat(get(new Preconditions(null, "*", null, null))).isEqualTo(NOT_MODIFIED);
        assertThat(get(new Preconditions(null, "\"other\"", null, null))).isEqualTo(PROCEED);
        assertThat(Conditionals.evaluate(new Preconditions(null, "\"abc\"", null, null), false, ETAG, MODIFIED))
                .isEqualTo(PRECONDITION_FAILED);
    }

    @Test
    void ifNoneMatchWinsOverIfModifiedSince() {
        assertThat(get(new Preconditions(null, "\"other\"", AT, null))).isEqualTo(PROCEED);
    }

    @Test
    void ifModifiedSince() {
        assertThat(get(new Preconditions(null, null, AT, null))).isEqualTo(NOT_MODIFIED);
        assertThat(get(new Preconditions(null, null, BEFORE, null))).isEqualTo(PROCEED);
        assertThat(get(new Preconditions(null, null, "garbage", null))).isEqualTo(PROCEED);
        assertThat(Conditionals.evaluate(new Preconditions(null, null, AT, null), true, ETAG, -1))
                .isEqualTo(PROCEED);
    }

    @Test
    void ifMatchUsesStrongComparison() {
        assertThat(get(new Preconditions("\"abc\"", null, null, null))).isEqualTo(PROCEED);
        assertThat(get(new Preconditions("*", null, null, null))).isEqualTo(PROCEED);
        assertThat(get(new Preconditions("W/\"abc\"", null, null, null))).isEqualTo(PRECONDITION_FAILED);
        assertThat(get(new Preconditions("\"x\"", null, null, null))).isEqualTo(PRECONDITION_FAILED);
    }

    @Test
    void ifUnmodifiedSinceOnlyWithoutIfMatch() {
        assertThat(get(new Preconditions(null, null, null, BEFORE))).isEqualTo(PRECONDITION_FAILED);
        assertThat(get(new Preconditions(null, null, null, AT))).isEqualTo(PROCEED);
        assertThat(get(new Preconditions("\"abc\"", null, null, BEFORE))).isEqualTo(PROCEED);
    }

    @Test
    void ifRange() {
        assertThat(Conditionals.ifRange(null, ETAG, MODIFIED)).isTrue();
        assertThat(Conditionals.ifRange("\"abc\"", ETAG, MODIFIED)).isTrue();
        assertThat(Conditionals.ifRange("W/\"abc\"", ETAG, MODIFIED)).isFalse();
        assertThat(Conditionals.ifRange("\"zzz\"", ETAG, MODIFIED)).isFalse();
        assertThat(Conditionals.ifRange(AT, ETAG, MODIFIED)).isTrue();
        assertThat(Conditionals.ifRange(BEFORE, ETAG, MODIFIED)).isFalse();
        assertThat(Conditionals.ifRange(AT, ETAG, -1)).isFalse();
    }

    @Test
    void anyTellsWhetherThereIsWorkToDo() {
        assertThat(new Preconditions(null, null, null, null).any()).isFalse();
        assertThat(new Preconditions(null, null, AT, null).any()).isTrue();
    }
}
