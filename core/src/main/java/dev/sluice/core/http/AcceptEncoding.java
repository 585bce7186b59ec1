package dev.sluice.core.http;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Content-coding negotiation for the one coding the edge stores besides identity: gzip (RFC 9110
 * section 12.5.3). A coding is acceptable when listed with q &gt; 0, or covered by {@code *} with q
 * &gt; 0 and not listed with q=0. No header means identity only: some clients that send none cannot
 * decode gzip, and the spec lets us choose.
 */
public final class AcceptEncoding {

    private AcceptEncoding() {}

    /** Whether gzip may be sent to a client that sent this Accept-Encoding value (null: none). */
    public static boolean acceptsGzip(@Nullable String header) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        double gzip = -1;
        double star = -1;
        for (String member : header.split(",", -1)) {
            int semi = member.indexOf(';');
            String coding =
                    (semi < 0 ? member : member.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            double q = semi < 0 ? 1.0 : quality(member.substring(semi + 1));
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (coding.equals("*")) {
                star = q;
            }
        }
        return gzip >= 0 ? gzip > 0 : star > 0;
    }

    // The q parameter's value; a malformed weight counts as 0 (not acceptable) rather than 1.
    private static double quality(String params) {
        for (String param : params.split(";", -1)) {
            String p = param.trim();
            if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
                try {
                    double q = Double.parseDouble(p.substring(2).trim());
                    return q >= 0 && q <= 1 ? q : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1.0;
    }
}
