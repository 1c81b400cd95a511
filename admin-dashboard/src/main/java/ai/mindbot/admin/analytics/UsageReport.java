package ai.mindbot.admin.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * Conversation time over a window. Seconds are exact integers; hours and minutes are the seed's
 * display figures, rounded to one decimal. A session counts on the UTC day it started, with its
 * billed seconds once ended and its committed seconds while live.
 */
record UsageReport(
        int days,
        long activeUsers,
        long totalSessions,
        long totalSecondsUsed,
        BigDecimal totalHoursUsed,
        BigDecimal avgSessionMinutes,
        List<Day> dailyUsage) {

    public record Day(String date, long sessions, long activeUsers, long secondsUsed, BigDecimal hoursUsed) {}
}
