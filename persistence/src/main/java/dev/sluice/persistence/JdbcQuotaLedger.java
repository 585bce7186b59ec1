package dev.sluice.persistence;

import dev.sluice.control.QuotaLedger;
import dev.sluice.core.Clock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Map.Entry;

/**
 * A {@link QuotaLedger} in the store's database, so every control node sharing it charges one
 * account. A charge is one write (check every key, then add to this minute's bucket), serialised
 * with every other write, so two nodes cannot both take the last tokens; buckets the window has
 * passed are deleted for the keys a charge touches. A read sums at most one window of buckets.
 */
final class JdbcQuotaLedger implements QuotaLedger {

    private final Database database;
    private final Clock clock;
    private final long windowMinutes;

    JdbcQuotaLedger(Database database, Clock clock, Duration window) {
        if (window.toMinutes() < 1) {
            throw new IllegalArgumentException("window: %s (expected: >= 1m)".formatted(window));
        }
        this.database = database;
        this.clock = clock;
        this.windowMinutes = window.toMinutes();
    }

    @Override
    public long used(String key) {
        long now = QuotaLedger.minute(clock.instant());
        return database.read(c -> used(c, key, now, windowMinutes));
    }

    @Override
    public boolean tryCharge(Map<String, Long> amounts, Map<String, Long> limits, boolean overrun) {
        return database.write(c -> tryChargeIn(c, clock, Duration.ofMinutes(windowMinutes), amounts, limits, overrun));
    }

    /** Checks and charges inside the write running on {@code c} (a purge task's, say). */
    static boolean tryChargeIn(
            Connection c,
            Clock clock,
            Duration window,
            Map<String, Long> amounts,
            Map<String, Long> limits,
            boolean overrun)
            throws SQLException {
        long now = QuotaLedger.minute(clock.instant());
        long minutes = window.toMinutes();
        for (Entry<String, Long> e : amounts.entrySet()) {
            long limit = limits.getOrDefault(e.getKey(), Long.MAX_VALUE);
            if (!QuotaLedger.fits(used(c, e.getKey(), now, minutes), e.getValue(), limit, overrun)) {
                return false;
            }
        }
        for (Entry<String, Long> e : amounts.entrySet()) {
            if (e.getValue() > 0) {
                charge(c, e.getKey(), now, minutes, e.getValue());
            }
        }
        return true;
    }

    private static long used(Connection c, String key, long now, long windowMinutes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COALESCE(SUM(amount), 0) FROM quota_usage WHERE usage_key = ? AND minute > ?")) {
            ps.setString(1, key);
            ps.setLong(2, now - windowMinutes);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void charge(Connection c, String key, long now, long windowMinutes, long amount)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM quota_usage WHERE usage_key = ? AND minute <= ?")) {
            ps.setString(1, key);
            ps.setLong(2, now - windowMinutes);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quota_usage (usage_key, minute, amount)"
                + " VALUES (?, ?, ?) ON CONFLICT (usage_key, minute) DO UPDATE SET amount = quota_usage.amount"
                + " + excluded.amount")) {
            ps.setString(1, key);
            ps.setLong(2, now);
            ps.setLong(3, amount);
            ps.executeUpdate();
        }
    }
}
