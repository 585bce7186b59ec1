package dev.sluice.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CacheControlTest {

    @Test
    void parsesEveryDirectiveTheEdgeUses() {
        CacheControl cc = CacheControl.parse(
                "public, max-age=60, s-maxage=\"120\", stale-while-revalidate=30, stale-if-error=600, must-revalidate");
        assertThat(cc.maxAge()).isEqualTo(60);
        assertThat(cc.sMaxAge()).isEqualTo(120);
        assertThat(cc.sharedMaxAge()).isEqualTo(120);
        assertThat(cc.isPublic()).isTrue();
        assertThat(cc.staleWhileRevalidate()).isEqualTo(30);
        assertThat(cc.staleIfError()).isEqualTo(600);
        assertThat(cc.mustRevalidate()).isTrue();
        assertThat(cc.noStore() || cc.noCache() || cc.isPrivate()).isFalse();
    }

    @Test
    void mergesSeveralLinesAndIsCaseInsensitive() {
        CacheControl cc =
                CacheControl.parse("Private", null, "NO-STORE, No-Cache=\"set-cookie, x\"", "proxy-revalidate");
        assertThat(cc.isPrivate()).isTrue();
        assertThat(cc.noStore()).isTrue();
        assertThat(cc.noCache()).isTrue();
        assertThat(cc.mustRevalidate()).isTrue();
        assertThat(cc.sharedMaxAge()).isEqualTo(-1);
    }

    @Test
    void invalidMaxAgeMeansStaleOtherInvalidValuesAreAbsent() {
        CacheControl cc = CacheControl.parse("max-age=abc, stale-if-error=-1, stale-while-revalidate");
        assertThat(cc.maxAge()).isZero();
        assertThat(cc.staleIfError()).isEqualTo(-1);
        assertThat(cc.staleWhileRevalidate()).isEqualTo(-1);
    }

    @Test
    void hugeValuesAreCapped() {
        assertThat(CacheControl.parse("max-age=99999999999999999999").maxAge()).isEqualTo(Integer.MAX_VALUE);
        assertThat(CacheControl.parse("max-age=3000000000").maxAge()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void noneIsEmpty() {
        assertThat(CacheControl.parse()).isEqualTo(CacheControl.NONE);
        assertThat(CacheControl.parse(" , ,")).isEqualTo(CacheControl.NONE);
    }
}
