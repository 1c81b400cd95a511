package ai.mindbot.admin.audit;

import org.springframework.jdbc.core.RowMapper;

/** One admin action. {@code outcome} is pending, succeeded, partial or failed; times in epoch milliseconds. */
record AuditEntry(
        long id,
        long createdAt,
        String adminId,
        String adminEmail,
        String action,
        String targetType,
        String targetId,
        String reason,
        String details,
        String outcome,
        String outcomeDetail,
        String requestId,
        Long finishedAt) {

    static final RowMapper<AuditEntry> MAPPER = (rs, n) -> new AuditEntry(
            rs.getLong("id"),
            rs.getLong("created_at"),
            rs.getString("admin_id"),
            rs.getString("admin_email"),
            rs.getString("action"),
            rs.getString("target_type"),
            rs.getString("target_id"),
            rs.getString("reason"),
            rs.getString("details"),
            rs.getString("outcome"),
            rs.getString("outcome_detail"),
            rs.getString("request_id"),
            rs.getObject("finished_at") == null ? null : rs.getLong("finished_at"));
}
