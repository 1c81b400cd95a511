package ai.mindbot.admin.analytics;

import ai.mindbot.common.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The last N UTC days up to now: today and the N-1 days before it. Days are epoch-day numbers
 * ({@code millis / 86_400_000}), the same bucketing the SQL uses on both databases.
 */
record ReportWindow(int days, long firstDay, long today, long nowMillis) {

    public static final long DAY_MILLIS = 86_400_000L;
    public static final int MAX_DAYS = 365;

    /** The {@code days} parameter: 30 when absent; present, it must be a whole number (checked by {@link #lastDays}). */
    public static int parseDays(String days) {
        if (days == null) {
            return 30;
        }
        if (!days.matches("-?[0-9]{1,4}")) {
            throw ApiException.badRequest("invalid_days", "days must be a whole number between 1 and " + MAX_DAYS);
        }
        return Integer.parseInt(days);
    }

    public static ReportWindow lastDays(int days, Clock clock) {
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest("invalid_days", "days must be between 1 and " + MAX_DAYS);
        }
        long now = clock.millis();
        long today = Math.floorDiv(now, DAY_MILLIS);
        return new ReportWindow(days, today - days + 1, today, now);
    }

    public long startMillis() {
        return firstDay * DAY_MILLIS;
    }

    public static String date(long epochDay) {
        return LocalDate.ofEpochDay(epochDay).toString();
    }
}
