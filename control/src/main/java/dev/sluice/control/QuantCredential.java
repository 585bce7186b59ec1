package dev.sluice.control;

import dev.sluice.core.SluiceException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A site's Quant API token, kept only as its SHA-256 hash so the configuration never needs the token
 * itself; a presented token is hashed and compared in constant time.
 */
public final class QuantCredential {

    private static final String HASHED_PREFIX = "sha256:";

    private final byte[] tokenHash;

    private QuantCredential(byte[] tokenHash) {
        this.tokenHash = tokenHash;
    }

    /** The credential for a plain token. */
    public static QuantCredential ofToken(String token) {
        if (token.isEmpty()) {
            throw SluiceException.badRequest("quant token: \"\" (expected: non-empty)");
        }
        return new QuantCredential(sha256(token));
    }

    /** The credential for an already-hashed token: {@code sha256:<64 hex digits>}. */
    public static QuantCredential ofHash(String hashed) {
        String hex = hashed.startsWith(HASHED_PREFIX) ? hashed.substring(HASHED_PREFIX.length()) : hashed;
        if (hex.length() != 64) {
            throw SluiceException.badRequest(
                    "quant token hash: %d hex digits (expected: sha256:<64 hex digits>)".formatted(hex.length()));
        }
        try {
            return new QuantCredential(HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw SluiceException.badRequest("quant token hash: not hex (expected: sha256:<64 hex digits>)");
        }
    }

    /**
     * The credential as a configuration file writes it: {@code sha256:<hex>} is a hash, anything else
     * is the token itself.
     */
    public static QuantCredential parse(String configured) {
        return configured.startsWith(HASHED_PREFIX) ? ofHash(configured) : ofToken(configured);
    }

    /** Whether the presented token is this one; takes the same time whatever the token. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(tokenHash, sha256(presented));
    }

    /** The hash in the {@code sha256:<hex>} form, safe to print and to store. */
    public String hashed() {
        return HASHED_PREFIX + HexFormat.of().formatHex(tokenHash);
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuantCredential other && MessageDigest.isEqual(tokenHash, other.tokenHash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokenHash);
    }

    @Override
    public String toString() {
        return "QuantCredential[" + hashed() + "]";
    }
}
