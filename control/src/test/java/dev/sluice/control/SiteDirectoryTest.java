package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.SiteId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteDirectoryTest {

    private static final SiteId BLOG = new SiteId("acme", "blog");

    @Test
    void findsSitesByIdAndHostInAnyCase() {
        Site blog = Site.builder(BLOG)
                .host("Blog.Example.com")
                .host("www.blog.example")
                .build();
        SiteDirectory directory = SiteDirectory.of(Tenant.of("acme", blog));
        assertThat(directory.site(BLOG)).isSameAs(blog);
        assertThat(directory.byHost("BLOG.example.COM")).isSameAs(blog);
        assertThat(blog.hosts()).containsExactly("blog.example.com", "www.blog.example");
        assertThat(directory.site(new SiteId("acme", "nope"))).isNull();
        assertThat(directory.byHost("nope.example")).isNull();
        assertThat(directory.sites()).containsExactly(blog);
    }

    @Test
    void refusesInconsistentConfiguration() {
        Site blog = Site.builder(BLOG).host("a.example").build();
        assertThatThrownBy(() -> Tenant.of("other", blog)).hasMessage("site acme/blog: tenant acme (expected: other)");
        assertThatThrownBy(() -> Tenant.of("acme", blog, blog))
                .hasMessage("site acme/blog: declared twice (expected: unique)");
        Site shop = Site.builder(new SiteId("acme", "shop")).host("A.example").build();
        assertThatThrownBy(() -> SiteDirectory.of(Tenant.of("acme", blog, shop)))
                .hasMessage("host a.example: on acme/blog and acme/shop (expected: one site per host)");
        assertThatThrownBy(() -> SiteDirectory.of(List.of(Tenant.of("acme"), Tenant.of("acme"))))
                .hasMessage("tenant acme: declared twice (expected: unique)");
        assertThatThrownBy(() -> Site.builder(BLOG).host("bad host").build())
                .hasMessage("host: \"bad host\" (expected: a host name)");
    }
}
