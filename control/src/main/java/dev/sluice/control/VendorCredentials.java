package dev.sluice.control;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The vendor API credentials of every tenant: QUANTIL and CDN Pro users (name + key) and 5centsCDN
 * API keys. A user name or key belongs to one tenant only; 5centsCDN keys are kept as SHA-256 hashes
 * (given plain or as {@code sha256:<hex>}), so a presented key is hashed and looked up. Immutable.
 */
public final class VendorCredentials {

    /** The vendors whose users sign with a key. */
    public enum Vendor {
        QUANTIL,
        CDNPRO
    }

    private final Map<Vendor, Map<String, ApiUser>> users;
    private final Map<String, String> fivecents;

    private VendorCredentials(Map<Vendor, Map<String, ApiUser>> users, Map<String, String> fivecents) {
        this.users = Map.copyOf(users);
        this.fivecents = Map.copyOf(fivecents);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No credentials at all. */
    public static VendorCredentials none() {
        return builder().build();
    }

    /** The vendor's user with the name, or null. */
    public @Nullable ApiUser user(Vendor vendor, String name) {
        Map<String, ApiUser> byName = users.get(vendor);
        return byName == null ? null : byName.get(name);
    }

    /** The tenant whose 5centsCDN API key this is, or null. */
    public @Nullable String fivecentsTenant(String key) {
        return fivecents.get(hex(QuantCredential.sha256(key)));
    }

    private static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** Collects credentials; a name or key given twice is a configuration error. */
    public static final class Builder {

        private final Map<Vendor, Map<String, ApiUser>> users = new HashMap<>();
        private final Map<String, String> fivecents = new HashMap<>();

        private Builder() {}

        public Builder user(Vendor vendor, ApiUser user) {
            Map<String, ApiUser> byName = users.computeIfAbsent(vendor, v -> new HashMap<>());
            ApiUser previous = byName.putIfAbsent(user.user(), user);
            if (previous != null) {
                throw SluiceExceptions.config("%s user %s: of %s and %s (expected: unique)"
                        .formatted(vendor, user.user(), previous.tenant(), user.tenant()));
            }
            return this;
        }

        /** A 5centsCDN key of the tenant, plain or {@code sha256:<hex>}. */
        public Builder fivecentsKey(String tenant, String configured) {
            String hash = QuantCredential.parse(configured).hashed().substring("sha256:".length());
            String previous = fivecents.putIfAbsent(hash, tenant);
            if (previous != null) {
                throw SluiceExceptions.config("5centsCDN key %s...: of %s and %s (expected: unique)"
                        .formatted(hash.substring(0, 8), previous, tenant));
            }
            return this;
        }

        public VendorCredentials build() {
            Map<Vendor, Map<String, ApiUser>> copy = new HashMap<>();
            users.forEach((v, m) -> copy.put(v, Map.copyOf(m)));
            return new VendorCredentials(copy, fivecents);
        }
    }
}
