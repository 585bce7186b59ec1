package dev.sluice.control;

import dev.sluice.core.ErrorKind;
import dev.sluice.core.SiteId;
import dev.sluice.core.SluiceException;
import org.jspecify.annotations.Nullable;

/**
 * Resolves Quant's {@code Quant-Customer} (or its newer alias {@code Quant-Organisation}), {@code
 * Quant-Project} and {@code Quant-Token} headers to the site they name.
 *
 * <p>A missing header is UNAUTHORIZED (401); anything else that does not match (an unknown customer
 * or project, a site without a Quant token, a wrong token, another site's token) is FORBIDDEN (403)
 * with the one message "Invalid credentials", so a caller learns nothing about which part was wrong.
 * Unknown sites are compared against a dummy hash so every refusal costs one hash and one comparison.
 */
public final class QuantAuthenticator {

    static final String INVALID = "Invalid credentials";

    private static final QuantCredential NOBODY = QuantCredential.ofToken("\0no site has this token\0");

    private final SiteDirectory directory;

    public QuantAuthenticator(SiteDirectory directory) {
        this.directory = directory;
    }

    /**
     * The site the headers name, or a {@link SluiceException} (UNAUTHORIZED, FORBIDDEN).
     *
     * @param customer {@code Quant-Customer}, or null
     * @param organisation {@code Quant-Organisation}, used when the customer is absent, or null
     * @param project {@code Quant-Project}, or null
     * @param token {@code Quant-Token}, or null
     */
    public SiteId authenticate(
            @Nullable String customer,
            @Nullable String organisation,
            @Nullable String project,
            @Nullable String token) {
        @Nullable String tenant = present(customer) ? customer : organisation;
        String presentedToken = require("Quant-Token", token);
        String tenantName = require("Quant-Customer", tenant);
        String siteName = require("Quant-Project", project);
        SiteId id = new SiteId(tenantName.trim(), siteName.trim());
        Site site = directory.site(id);
        @Nullable QuantCredential configured = site == null ? null : site.quant();
        QuantCredential expected = configured == null ? NOBODY : configured;
        boolean matches = expected.matches(presentedToken);
        if (!matches || configured == null) {
            throw new SluiceException(ErrorKind.FORBIDDEN, INVALID);
        }
        return id;
    }

    private static String require(String header, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new SluiceException(
                    ErrorKind.UNAUTHORIZED, "%s: missing (expected: the project's API credentials)".formatted(header));
        }
        return value;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
