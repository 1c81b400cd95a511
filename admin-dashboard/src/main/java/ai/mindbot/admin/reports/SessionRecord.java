package ai.mindbot.admin.reports;

import org.springframework.jdbc.core.RowMapper;

/**
 * A metered voice session from {@code time_report_sessions_v1}; {@code live} while it has not
 * ended. {@code usedSeconds} is what it has cost so far (the time API's {@code billed_seconds}),
 * final once ended. Times in epoch milliseconds.
 */
public record SessionRecord(
        String id,
        String userId,
        String roomName,
        String status,
        long reservedSeconds,
        long usedSeconds,
        long startedAt,
        long lastHeartbeatAt,
        Long endedAt,
        String endReason,
        boolean live) {

    static final String COLUMNS = """
            id, user_id, room_name, status, reserved_seconds, used_seconds, started_at,
            last_heartbeat_at, ended_at, end_reason""";

    static final RowMapper<SessionRecord> MAPPER = (rs, n) -> {
        Long endedAt = rs.getObject("ended_at") == null ? null : rs.getLong("ended_at");
        return new SessionRecord(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("room_name"),
                rs.getString("status"),
                rs.getLong("reserved_seconds"),
                rs.getLong("used_seconds"),
                rs.getLong("started_at"),
                rs.getLong("last_heartbeat_at"),
                endedAt,
                rs.getString("end_reason"),
                endedAt == null);
    };
}
