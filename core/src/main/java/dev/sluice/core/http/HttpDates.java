package dev.sluice.core.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 section 5.6.7): always sent as IMF-fixdate, e.g. {@code Sun, 06 Nov 1994
 * 08:49:37 GMT}; read in all three forms a recipient must accept (IMF-fixdate, RFC 850, asctime).
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    // RFC 850 has a two-digit year; RFC 9110 says to read one more than 50 years ahead as the past.
    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US);

    private static final DateTimeFormatter ASCTIME = new DateTimeFormatterBuilder()
            .appendPattern("EEE MMM")
            .appendLiteral(' ')
            .padNext(2)
            .appendValue(ChronoField.DAY_OF_MONTH)
            .appendPattern(" HH:mm:ss yyyy")
            .toFormatter(Locale.US);

    private HttpDates() {}

    /** The IMF-fixdate form of an instant given in epoch seconds. */
    public static String format(long epochSeconds) {
        return IMF_FIXDATE.format(LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC));
    }

    /** The IMF-fixdate form of an instant (sub-second part dropped). */
    public static String format(Instant instant) {
        return format(instant.getEpochSecond());
    }

    /** The date as epoch seconds, or -1 when it is in none of the three forms (an invalid date is ignored). */
    public static long parse(String value) {
        String v = value.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                return LocalDateTime.parse(v, f).toEpochSecond(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // try the next form
            }
        }
        return -1;
    }
}
