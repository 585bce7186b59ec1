package dev.sluice.control;

import dev.sluice.core.Clock;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The QUANTIL / CDN Pro request signature: {@code Authorization: Basic base64(user:password)} where
 * password = {@code base64(HMAC-SHA1(key, Date))}, over the exact Date header string.
 *
 * <p>Design notes. The Date must be RFC 1123 and within the allowed skew of the injected clock (±15
 * minutes by default, spec §6.20): that bounds how long a captured request can be replayed. Identical
 * requests within the window are not refused, since clients sign per second and send several requests
 * in one second. An unknown user costs the same HMAC and comparison as a known one (a dummy key), and
 * every refusal of a signature says the same thing, so a caller cannot probe user names. A leading
 * space before {@code Basic} is trimmed (the CDN Pro JS CLI sends one).
 */
public final class DateSignature {

    public static final Duration DEFAULT_SKEW = Duration.ofMinutes(15);
    public static final String INVALID = "Invalid credentials";

    // IMF-fixdate (RFC 9110): two-digit day, as the vendors' examples write it; the JDK's RFC 1123
    // formatter writes "Fri, 2 Jan 2026".
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

    private static final ApiUser NOBODY = new ApiUser("\0", "\0", "\0no user has this key\0");

    private final Clock clock;
    private final Duration skew;

    public DateSignature(Clock clock, Duration skew) {
        this.clock = clock;
        this.skew = skew;
    }

    public DateSignature(Clock clock) {
        this(clock, DEFAULT_SKEW);
    }

    /**
     * The user that signed the request, or UNAUTHORIZED.
     *
     * @param authorization the Authorization header, or null
     * @param date the signed date header value, or null
     * @param users looks a user up by name
     */
    public ApiUser verify(
            @Nullable String authorization, @Nullable String date, Function<String, @Nullable ApiUser> users) {
        if (authorization == null || authorization.isBlank()) {
            throw SluiceExceptions.unauthorized("Authorization: missing (expected: Basic user:signature)");
        }
        if (date == null || date.isBlank()) {
            throw SluiceExceptions.unauthorized("Date: missing (expected: the RFC 1123 date that was signed)");
        }
        checkSkew(date);
        String[] userAndPassword = basic(authorization.trim());
        ApiUser found = users.apply(userAndPassword[0]);
        ApiUser user = found == null ? NOBODY : found;
        byte[] expected = sign(user.key(), date).getBytes(StandardCharsets.US_ASCII);
        boolean matches = MessageDigest.isEqual(expected, userAndPassword[1].getBytes(StandardCharsets.US_ASCII));
        if (!matches || found == null) {
            throw SluiceExceptions.unauthorized(INVALID);
        }
        return found;
    }

    private void checkSkew(String date) {
        Instant signed;
        try {
            signed = ZonedDateTime.parse(withNumericZone(date.trim()), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            throw SluiceExceptions.unauthorized(
                    "Date: %s (expected: RFC 1123, e.g. Thu, 21 Nov 2019 12:00:42 GMT)".formatted(abbreviated(date)));
        }
        Duration off = Duration.between(clock.instant(), signed).abs();
        if (off.compareTo(skew) > 0) {
            throw SluiceExceptions.unauthorized(
                    "Date: %s (expected: within %s of the server's time)".formatted(abbreviated(date), skew));
        }
    }

    /**
     * RFC 822's US zone names as offsets: the QUANTIL document's own example is dated {@code Thu, 07
     * Aug 2014 09:52:59 PDT}, which the JDK's RFC 1123 parser refuses. The signature stays over the
     * header as sent.
     */
    static String withNumericZone(String date) {
        int space = date.lastIndexOf(' ');
        String offset = switch (date.substring(space + 1)) {
            case "UT", "Z" -> "+0000";
            case "EST" -> "-0500";
            case "EDT", "AST" -> "-0400";
            case "CST" -> "-0600";
            case "CDT" -> "-0500";
            case "MST" -> "-0700";
            case "MDT" -> "-0600";
            case "PST" -> "-0800";
            case "PDT" -> "-0700";
            default -> null;
        };
        return offset == null ? date : date.substring(0, space + 1) + offset;
    }

    private static String[] basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw SluiceExceptions.unauthorized(INVALID);
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SluiceExceptions.unauthorized(INVALID);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw SluiceExceptions.unauthorized(INVALID);
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** {@code base64(HMAC-SHA1(key, message))}. */
    public static String sign(String key, String message) {
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", key, message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The Authorization header value a client sends. */
    public static String authorization(String user, String key, String date) {
        String pair = user + ":" + sign(key, date);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** An RFC 1123 date, as clients put in Date. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code HMAC-SHA256(key, message)}. */
    public static byte[] hmacSha256(String key, byte[] message) {
        return hmac("HmacSHA256", key, message);
    }

    static byte[] hmac(String algorithm, String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(message);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm + " is required of every JDK", e);
        }
    }

    private static String abbreviated(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }
}
