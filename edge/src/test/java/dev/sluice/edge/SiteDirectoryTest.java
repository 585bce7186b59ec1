package dev.sluice.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SiteId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteDirectoryTest {

    private static final EdgeSite A = new EdgeSite(new SiteId("t", "a"), Set.of("a.example", "WWW.A.example"));
    private static final EdgeSite B = new EdgeSite(new SiteId("t", "b"), Set.of("b.example"));

    @Test
    void matchesHostsCaseInsensitivelyIgnoringPortAndTrailingDot() {
        SiteDirectory dir = SiteDirectory.of(List.of(A, B));
        assertThat(dir.find("a.example")).isEqualTo(A);
        assertThat(dir.find("www.a.example")).isEqualTo(A);
        assertThat(dir.find("A.Example:8080")).isEqualTo(A);
        assertThat(dir.find("b.example.")).isEqualTo(B);
        assertThat(dir.find("c.example")).isNull();
        assertThat(dir.find(null)).isNull();
        assertThat(dir.sites()).containsExactly(A, B);
    }

    @Test
    void ipv6LiteralsKeepTheirBrackets() {
        EdgeSite v6 = new EdgeSite(new SiteId("t", "v6"), Set.of("[::1]"));
        SiteDirectory dir = SiteDirectory.of(List.of(v6));
        assertThat(dir.find("[::1]:8080")).isEqualTo(v6);
        assertThat(dir.find("[::1]")).isEqualTo(v6);
    }

    @Test
    void aHostOnTwoSitesIsRefused() {
        EdgeSite clash = new EdgeSite(new SiteId("t", "c"), Set.of("A.EXAMPLE"));
        assertThatThrownBy(() -> SiteDirectory.of(List.of(A, clash)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A.EXAMPLE");
    }

    @Test
    void emptyKnowsNoHost() {
        assertThat(SiteDirectory.empty().find("a.example")).isNull();
        assertThatThrownBy(() -> new EdgeSite(new SiteId("t", "x"), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
