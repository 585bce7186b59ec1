package dev.sluice.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantAuthenticatorTest {

    private static final SiteId BLOG = new SiteId("acme", "blog");
    private static final SiteId SHOP = new SiteId("acme", "shop");

    private final QuantAuthenticator auth = new QuantAuthenticator(SiteDirectory.of(
            Tenant.of(
                    "acme",
                    Site.builder(BLOG).quantToken("blog-token").build(),
                    Site.builder(SHOP)
                            .quantToken(QuantCredential.ofToken("shop-token").hashed())
                            .build(),
                    Site.builder(new SiteId("acme", "tokenless")).build()),
            Tenant.of(
                    "other",
                    Site.builder(new SiteId("other", "blog"))
                            .quantToken("other-token")
                            .build())));

    @Test
    void rightTokenResolvesTheSite() {
        assertThat(auth.authenticate("acme", null, "blog", "blog-token")).isEqualTo(BLOG);
        assertThat(auth.authenticate("acme", null, "shop", "shop-token")).isEqualTo(SHOP);
    }

    @Test
    void organisationIsAnAliasOfCustomer() {
        assertThat(auth.authenticate(null, "acme", "blog", "blog-token")).isEqualTo(BLOG);
        assertThat(auth.authenticate("acme", "ignored", "blog", "blog-token")).isEqualTo(BLOG);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "NULL",
            value = {
                "NULL, blog, blog-token, Quant-Customer",
                "acme, NULL, blog-token, Quant-Project",
                "acme, blog, NULL, Quant-Token",
                "' ', blog, blog-token, Quant-Customer"
            })
    void missingHeaderIsUnauthorized(String customer, String project, String token, String named) {
        assertThatThrownBy(() -> auth.authenticate(customer, null, project, token))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
                    assertThat(e.getMessage()).startsWith(named + ": missing");
                });
    }

    @ParameterizedTest
    @CsvSource({
        "acme, blog, wrong", // wrong token
        "acme, blog, shop-token", // another site's token
        "other, blog, blog-token", // same project name, other tenant
        "acme, nope, blog-token", // unknown project
        "nobody, blog, blog-token", // unknown customer
        "acme, tokenless, anything" // a site that takes no Quant calls
    })
    void anythingElseIsForbiddenWithOneMessage(String customer, String project, String token) {
        assertThatThrownBy(() -> auth.authenticate(customer, null, project, token))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Invalid credentials");
                });
    }
}
