package dev.sluice.it;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CDN Pro / QUANTIL client's signature, computed here as a client computes it (not with Sluice's
 * code): {@code Authorization: Basic base64(user:base64(HMAC-SHA1(key, Date)))}.
 */
record Signer(String user, String key) {

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    static String now() {
        return HTTP_DATE.format(Instant.now());
    }

    String password(String date) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, date.getBytes(StandardCharsets.UTF_8)));
    }

    String authorization(String date) {
        return "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password(date)).getBytes(StandardCharsets.UTF_8));
    }

    /** The hex HMAC-SHA256 of {@code date + "\n" + body}: what a receiver checks {@code X-Sluice-Signature} against. */
    static String sluiceSignature(String secret, String date, byte[] body) {
        byte[] prefix = (date + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, message));
    }

    static byte[] hmac(String algorithm, String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
