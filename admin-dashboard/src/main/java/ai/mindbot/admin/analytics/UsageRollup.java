package ai.mindbot.admin.analytics;

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.admin.db.ReportsDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Keeps the usage rollups current, incrementally:
 * <ul>
 * <li>{@code admin_usage_daily}: one row per closed UTC day. Sessions are inserted with
 * {@code started_at} = now, so a day that closed more than a minute ago gains no sessions; only
 * the seconds of its still-open sessions can change, so such days are recomputed until they have
 * none open.</li>
 * <li>{@code admin_user_last_session}: each user's latest session start. The window always ends
 * now, so "active in the last N days" is exactly "last session started within them": one
 * indexed count instead of a DISTINCT over millions of sessions. Only sessions started since the
 * previous refresh (less a minute of overlap for late commits) are read.</li>
 * </ul>
 * {@link RollupRefresher} decides when; upserts are idempotent, so instances sharing a database may overlap.
 */
@Component
class UsageRollup {

    static final long OVERLAP_MILLIS = 60_000;
    private static final String LAST_SESSION_WATERMARK = "user_last_session";

    private final ReportsDatabase reports;
    private final AdminDatabase admin;

    UsageRollup(ReportsDatabase reports, AdminDatabase admin) {
        this.reports = reports;
        this.admin = admin;
    }

    /** Brings the usage rollups up to date as of {@code now}. */
    void refresh(long now) {
        refreshLastSessions(now);
        refreshClosedDays(now);
    }

    /** Closed days in [fromDay, toDay) as rolled up; days not (yet) rolled up are absent. */
    Map<Long, DayUsage> closedDays(long fromDay, long toDay) {
        Map<Long, DayUsage> days = new HashMap<>();
        admin.jdbc()
                .sql("""
                SELECT day, sessions, active_users, seconds_used, open_sessions FROM admin_usage_daily
                WHERE day >= :from AND day < :to
                """)
                .param("from", fromDay)
                .param("to", toDay)
                .query(DayUsage.MAPPER)
                .list()
                .forEach(d -> days.put(d.day(), d));
        return days;
    }

    /** Usage of the days in [fromDay, toDay) read from the time service's sessions; days without sessions are absent. */
    static Map<Long, DayUsage> read(ReportsDatabase reports, long fromDay, long toDay) {
        Map<Long, DayUsage> days = new HashMap<>();
        reports.jdbc()
                .sql(DayUsage.SELECT_BY_DAY)
                .param("from", fromDay * ReportWindow.DAY_MILLIS)
                .param("to", toDay * ReportWindow.DAY_MILLIS)
                .query(DayUsage.MAPPER)
                .list()
                .forEach(d -> days.put(d.day(), d));
        return days;
    }

    /** Users whose latest session started at or after {@code sinceMillis}. */
    long usersActiveSince(long sinceMillis) {
        return admin.jdbc()
                .sql("SELECT COUNT(*) FROM admin_user_last_session WHERE last_started_at >= :since")
                .param("since", sinceMillis)
                .query(Long.class)
                .single();
    }

    private void refreshLastSessions(long now) {
        Long watermark = RollupState.load(admin, LAST_SESSION_WATERMARK);
        long from = watermark == null ? Long.MIN_VALUE : watermark;
        List<Object[]> latest = reports.jdbc()
                .sql("""
                SELECT user_id, MAX(started_at) FROM time_report_sessions_v1 WHERE started_at >= :from GROUP BY user_id
                """)
                .param("from", from)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
        admin.template().batchUpdate("""
                INSERT INTO admin_user_last_session (user_id, last_started_at) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET last_started_at =
                    CASE WHEN excluded.last_started_at > admin_user_last_session.last_started_at
                         THEN excluded.last_started_at ELSE admin_user_last_session.last_started_at END
                """, latest);
        saveWatermark(LAST_SESSION_WATERMARK, now - OVERLAP_MILLIS);
    }

    private void refreshClosedDays(long now) {
        RollupState.DayRange closed = RollupState.closedDays(now).orElse(null);
        if (closed == null) {
            return;
        }
        Map<Long, DayUsage> known = closedDays(closed.from(), closed.to());
        List<Long> stale = new ArrayList<>();
        for (long day = closed.from(); day < closed.to(); day++) {
            DayUsage d = known.get(day);
            if (d == null || d.openSessions() > 0) {
                stale.add(day);
            }
        }
        for (RollupState.DayRange range : RollupState.ranges(stale)) {
            Map<Long, DayUsage> computed = read(reports, range.from(), range.to());
            List<Object[]> rows = new ArrayList<>();
            for (long day = range.from(); day < range.to(); day++) {
                DayUsage d = computed.getOrDefault(day, DayUsage.empty(day));
                rows.add(new Object[] {day, d.sessions(), d.activeUsers(), d.secondsUsed(), d.openSessions(), now});
            }
            admin.template().batchUpdate("""
                    INSERT INTO admin_usage_daily (day, sessions, active_users, seconds_used, open_sessions, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (day) DO UPDATE SET sessions = excluded.sessions, active_users = excluded.active_users,
                        seconds_used = excluded.seconds_used, open_sessions = excluded.open_sessions,
                        computed_at = excluded.computed_at
                    """, rows);
        }
    }

    private void saveWatermark(String name, long value) {
        RollupState.save(admin, name, value);
    }
}
