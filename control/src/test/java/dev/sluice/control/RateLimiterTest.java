package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import dev.sluice.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final SiteId LIMITED = new SiteId("acme", "limited");
    private static final SiteId OTHER = new SiteId("acme", "other");
    private static final SiteId FREE = new SiteId("acme", "free");

    private final ManualClock clock = new ManualClock();
    private final RateLimiter limiter = new RateLimiter(
            clock,
            SiteDirectory.of(Tenant.of(
                    "acme",
                    Site.builder(LIMITED).rateLimit(RateLimit.perMinute(3)).build(),
                    Site.builder(OTHER).rateLimit(RateLimit.perMinute(3)).build(),
                    Site.builder(FREE).build())));

    @Test
    void burstUpToTheLimitThenRefusedWithTheWait() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        assertThatThrownBy(() -> limiter.acquire(LIMITED)).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(20));
            assertThat(e.getMessage()).isEqualTo("Rate limit exceeded: 3 requests per PT1M");
        });
    }

    @Test
    void oneRequestComesBackPerInterval() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        clock.advance(Duration.ofSeconds(15));
        assertThatThrownBy(() -> limiter.acquire(LIMITED))
                .isInstanceOfSatisfying(
                        SluiceException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        clock.advance(Duration.ofSeconds(5));
        limiter.acquire(LIMITED);
        assertThatThrownBy(() -> limiter.acquire(LIMITED)).isInstanceOf(SluiceException.class);
    }

    @Test
    void idleTimeRefillsTheBurstButNoMore() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        clock.advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        assertThatThrownBy(() -> limiter.acquire(LIMITED)).isInstanceOf(SluiceException.class);
    }

    @Test
    void refusalsDoNotExtendTheWait() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> limiter.acquire(LIMITED)).isInstanceOf(SluiceException.class);
        }
        clock.advance(Duration.ofSeconds(20));
        limiter.acquire(LIMITED);
    }

    @Test
    void sitesAreCountedApartAndUnlimitedSitesAreFree() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire(LIMITED);
        }
        limiter.acquire(OTHER);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire(FREE);
        }
        limiter.acquire(new SiteId("acme", "undeclared"));
    }

    @Test
    void limitsAreValidated() {
        assertThatThrownBy(() -> RateLimit.perMinute(0)).hasMessage("rate limit requests: 0 (expected: >= 1)");
        assertThatThrownBy(() -> new RateLimit(1, Duration.ZERO)).hasMessage("rate limit per: PT0S (expected: > 0)");
    }
}
