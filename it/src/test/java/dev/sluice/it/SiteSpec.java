package dev.sluice.it;

/**
 * One Quant project of a test node: the tenant is the {@code Quant-Customer}, the site the
 * {@code Quant-Project}; the edge serves it for {@code host}.
 */
record SiteSpec(String tenant, String site, String host, String token) {

    static final SiteSpec ACME = new SiteSpec("acme", "docs", "docs.acme.test", "s3cret");
    static final SiteSpec GLOBEX = new SiteSpec("globex", "www", "www.globex.test", "g10bex-token");
}
