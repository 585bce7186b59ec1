package dev.sluice.control.webhook;

/** How a callback proves it comes from Sluice. */
public enum Signing {
    /**
     * CDN Pro's way: {@code Authorization: Basic base64(user:base64(HMAC-SHA1(secretKey, Date)))}
     * with the Date header sent, plus the SHA-256 header below.
     */
    CDNPRO,
    /** {@code X-Sluice-Signature: sha256=<hex HMAC-SHA256(secretKey, Date + "\n" + body)>}. */
    HMAC_SHA256
}
