package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.ReportsDatabase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Usage over a window: closed days from the rollup, every other day of the window (today, and any
 * day not rolled up yet) read live from the time service's sessions view, active users from each user's
 * latest session start.
 */
@Service
class UsageAnalytics {

    private final ReportsDatabase reports;
    private final UsageRollup rollup;
    private final RollupRefresher refresher;

    UsageAnalytics(ReportsDatabase reports, UsageRollup rollup, RollupRefresher refresher) {
        this.reports = reports;
        this.rollup = rollup;
        this.refresher = refresher;
    }

    public UsageReport report(ReportWindow window) {
        refresher.refreshIfStale();
        Map<Long, DayUsage> days = new HashMap<>(rollup.closedDays(window.firstDay(), window.today()));
        long liveFrom = window.firstDay();
        while (liveFrom < window.today() && days.containsKey(liveFrom)) {
            liveFrom++;
        }
        // Days after the first gap are read live too (usually just today); the rollup fills gaps on its next refresh.
        for (long day = liveFrom; day <= window.today(); day++) {
            days.remove(day);
        }
        days.putAll(UsageRollup.read(reports, liveFrom, window.today() + 1));

        List<UsageReport.Day> daily = new ArrayList<>();
        long sessions = 0, seconds = 0;
        for (long day = window.firstDay(); day <= window.today(); day++) {
            DayUsage d = days.getOrDefault(day, DayUsage.empty(day));
            daily.add(new UsageReport.Day(
                    ReportWindow.date(day), d.sessions(), d.activeUsers(), d.secondsUsed(), hours(d.secondsUsed())));
            sessions += d.sessions();
            seconds += d.secondsUsed();
        }
        BigDecimal avgMinutes = sessions == 0
                ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(sessions * 60), 1, RoundingMode.HALF_UP);
        return new UsageReport(
                window.days(),
                rollup.usersActiveSince(window.startMillis()),
                sessions,
                seconds,
                hours(seconds),
                avgMinutes,
                daily);
    }

    static BigDecimal hours(long seconds) {
        return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_UP);
    }
}
