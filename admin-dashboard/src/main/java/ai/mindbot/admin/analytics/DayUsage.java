package ai.mindbot.admin.analytics;

import org.springframework.jdbc.core.RowMapper;

/** One UTC day of sessions: how many started, by how many users, the seconds they used, how many are still open. */
record DayUsage(long day, long sessions, long activeUsers, long secondsUsed, long openSessions) {

    static final String SELECT_BY_DAY = """
            SELECT started_at / 86400000 AS day,
                   COUNT(*) AS sessions,
                   COUNT(DISTINCT user_id) AS active_users,
                   COALESCE(SUM(used_seconds), 0) AS seconds_used,
                   COALESCE(SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END), 0) AS open_sessions
            FROM time_report_sessions_v1
            WHERE started_at >= :from AND started_at < :to
            GROUP BY started_at / 86400000
            """;

    /** Reads the columns of {@link #SELECT_BY_DAY} and of {@code admin_usage_daily}, in that order. */
    static final RowMapper<DayUsage> MAPPER =
            (rs, n) -> new DayUsage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));

    static DayUsage empty(long day) {
        return new DayUsage(day, 0, 0, 0, 0);
    }
}
