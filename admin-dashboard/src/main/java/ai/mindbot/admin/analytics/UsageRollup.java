package ai.mindbot.admin.analytics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.admin.db.ReportsDatabase;

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
 * A refresh runs at most once per {@code mindbot.admin.rollup-interval} (default 2 s), on the
 * request that needs it; upserts are idempotent, so instances sharing a database may overlap.
 */
@Component
public class UsageRollup {

    static final long OVERLAP_MILLIS = 60_000;
    private static final String LAST_SESSION_WATERMARK = "user_last_session";

    private final ReportsDatabase reports;
    private final AdminDatabase admin;
    private final Clock clock;
    private final long intervalMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastRefreshAt;

    UsageRollup(ReportsDatabase reports, AdminDatabase admin, Clock clock,
            @Value("${mindbot.admin.rollup-interval:2s}") Duration interval) {
        this.reports = reports;
        this.admin = admin;
        this.clock = clock;
        this.intervalMillis = interval.toMillis();
    }

    /** Brings the rollups up to date unless that was done within the interval. */
    public void refreshIfStale() {
        long now = clock.millis();
        if (now - lastRefreshAt < intervalMillis) {
            return;
        }
        lock.lock();
        try {
            now = clock.millis();
            if (now - lastRefreshAt < intervalMillis) {
                return;
            }
            refreshLastSessions(now);
            refreshClosedDays(now);
            lastRefreshAt = now;
        } finally {
            lock.unlock();
        }
    }

    /** Closed days in [fromDay, toDay) as rolled up; days not (yet) rolled up are absent. */
    Map<Long, DayUsage> closedDays(long fromDay, long toDay) {
        Map<Long, DayUsage> days = new HashMap<>();
        admin.jdbc().sql("""
                SELECT day, sessions, active_users, seconds_used, open_sessions FROM admin_usage_daily
                WHERE day >= :from AND day < :to
                """).param("from", fromDay).param("to", toDay)
                .query(DayUsage.MAPPER)
                .list().forEach(d -> days.put(d.day(), d));
        return days;
    }

    /** Users whose latest session started at or after {@code sinceMillis}. */
    long usersActiveSince(long sinceMillis) {
        return admin.jdbc().sql("SELECT COUNT(*) FROM admin_user_last_session WHERE last_started_at >= :since")
                .param("since", sinceMillis).query(Long.class).single();
    }

    private void refreshLastSessions(long now) {
        Long watermark = admin.jdbc().sql("SELECT value FROM admin_rollup_state WHERE name = :name")
                .param("name", LAST_SESSION_WATERMARK).query(Long.class).optional().orElse(null);
        long from = watermark == null ? Long.MIN_VALUE : watermark;
        List<Object[]> latest = reports.jdbc().sql("""
                SELECT user_id, MAX(started_at) FROM voice_sessions WHERE started_at >= :from GROUP BY user_id
                """).param("from", from).query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) }).list();
        admin.template().batchUpdate("""
                INSERT INTO admin_user_last_session (user_id, last_started_at) VALUES (?, ?)
                ON CONFLICT (user_id) DO UPDATE SET last_started_at =
                    CASE WHEN excluded.last_started_at > admin_user_last_session.last_started_at
                         THEN excluded.last_started_at ELSE admin_user_last_session.last_started_at END
                """, latest);
        saveWatermark(LAST_SESSION_WATERMARK, now - OVERLAP_MILLIS);
    }

    private void refreshClosedDays(long now) {
        long lastClosedDay = Math.floorDiv(now - OVERLAP_MILLIS, ReportWindow.DAY_MILLIS) - 1;
        long firstDay = Math.floorDiv(now, ReportWindow.DAY_MILLIS) - ReportWindow.MAX_DAYS;
        if (lastClosedDay < firstDay) {
            return;
        }
        Map<Long, DayUsage> known = closedDays(firstDay, lastClosedDay + 1);
        List<long[]> ranges = new ArrayList<>(); // [from, to) day ranges that need computing
        for (long day = firstDay; day <= lastClosedDay; day++) {
            DayUsage d = known.get(day);
            if (d == null || d.openSessions() > 0) {
                if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == day) {
                    ranges.get(ranges.size() - 1)[1] = day + 1;
                } else {
                    ranges.add(new long[] { day, day + 1 });
                }
            }
        }
        for (long[] range : ranges) {
            Map<Long, DayUsage> computed = new HashMap<>();
            reports.jdbc().sql(DayUsage.SELECT_BY_DAY)
                    .param("from", range[0] * ReportWindow.DAY_MILLIS).param("to", range[1] * ReportWindow.DAY_MILLIS)
                    .query(DayUsage.MAPPER)
                    .list().forEach(d -> computed.put(d.day(), d));
            List<Object[]> rows = new ArrayList<>();
            for (long day = range[0]; day < range[1]; day++) {
                DayUsage d = computed.getOrDefault(day, DayUsage.empty(day));
                rows.add(new Object[] { day, d.sessions(), d.activeUsers(), d.secondsUsed(), d.openSessions(), now });
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
        admin.jdbc().sql("""
                INSERT INTO admin_rollup_state (name, value) VALUES (:name, :value)
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """).param("name", name).param("value", value).update();
    }
}
