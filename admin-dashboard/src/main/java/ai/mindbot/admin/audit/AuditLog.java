package ai.mindbot.admin.audit;

import ai.mindbot.admin.db.AdminDatabase;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.RequestIdFilter;
import java.time.Clock;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.stereotype.Repository;

/**
 * Writes and reads {@code admin_audit_log}. An action is opened ({@link #open}) before the owning
 * service is called and closed with its outcome after, so even a crash in between leaves a row.
 */
@Repository
public class AuditLog {

    /** An empty filter value means "any". */
    private static final String FILTER =
            "WHERE (:type = '' OR target_type = :type) AND (:target = '' OR target_id = :target)";

    private final AdminDatabase db;
    private final Clock clock;

    AuditLog(AdminDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What is about to be done, by whom, to what, and why. */
    public record Intent(
            Caller admin, String action, String targetType, String targetId, String reason, String details) {}

    public long open(Intent intent) {
        return db.jdbc()
                .sql("""
                INSERT INTO admin_audit_log (created_at, admin_id, admin_email, action, target_type, target_id,
                    reason, details, outcome, request_id)
                VALUES (:at, :admin, :email, :action, :type, :target, :reason, :details, :outcome, :request)
                RETURNING id
                """)
                .param("at", clock.millis())
                .param("admin", intent.admin().userId())
                .param("email", intent.admin().email())
                .param("action", intent.action())
                .param("type", intent.targetType())
                .param("target", intent.targetId())
                .param("reason", intent.reason())
                .param("details", intent.details())
                .param("outcome", Outcome.PENDING.dbValue())
                .param("request", MDC.get(RequestIdFilter.MDC_KEY))
                .query(Long.class)
                .single();
    }

    public void close(long id, Outcome outcome, String detail) {
        db.jdbc()
                .sql(
                        "UPDATE admin_audit_log SET outcome = :outcome, outcome_detail = :detail, finished_at = :at WHERE id = :id")
                .param("outcome", outcome.dbValue())
                .param("detail", detail)
                .param("at", clock.millis())
                .param("id", id)
                .update();
    }

    public List<AuditEntry> page(String targetType, String targetId, int limit, int offset) {
        return db.jdbc()
                .sql("SELECT * FROM admin_audit_log " + FILTER
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("type", targetType == null ? "" : targetType)
                .param("target", targetId == null ? "" : targetId)
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditEntry.MAPPER)
                .list();
    }

    public long count(String targetType, String targetId) {
        return db.jdbc()
                .sql("SELECT COUNT(*) FROM admin_audit_log " + FILTER)
                .param("type", targetType == null ? "" : targetType)
                .param("target", targetId == null ? "" : targetId)
                .query(Long.class)
                .single();
    }
}
