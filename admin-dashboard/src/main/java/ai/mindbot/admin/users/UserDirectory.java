package ai.mindbot.admin.users;

import ai.mindbot.admin.db.ReportsDatabase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Users as the auth service publishes them ({@code auth_report_users_v1}) with their figures from
 * the time service's report views. Search matches the email or name (case-insensitive substring)
 * or the exact id.
 */
@Repository
public class UserDirectory {

    private static final String SELECT = """
            SELECT u.id, u.email, u.full_name, u.created_at, u.disabled_at,
                   a.balance_seconds, a.reserved_seconds, a.disabled AS sessions_disabled, a.flagged,
                   (SELECT COALESCE(SUM(p.amount_cents - p.refunded_cents), 0) FROM time_report_purchases_v1 p
                     WHERE p.user_id = a.user_id AND p.succeeded_at IS NOT NULL) AS total_spent_cents,
                   (SELECT MAX(l.created_at) FROM time_report_ledger_v1 l WHERE l.user_id = a.user_id) AS last_ledger_at,
                   (SELECT MAX(s.started_at) FROM time_report_sessions_v1 s WHERE s.user_id = a.user_id) AS last_session_at
            FROM auth_report_users_v1 u LEFT JOIN time_report_accounts_v1 a ON a.user_id = CAST(u.id AS TEXT)
            """;

    private final ReportsDatabase db;

    UserDirectory(ReportsDatabase db) {
        this.db = db;
    }

    public UserPage page(String q, int limit, int offset) {
        String query = q == null ? "" : q.strip();
        String like = "%"
                + query.toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_") + "%";
        String where = """
                WHERE (:q = '' OR LOWER(u.email) LIKE :like ESCAPE '\\' OR LOWER(u.full_name) LIKE :like ESCAPE '\\'
                       OR CAST(u.id AS TEXT) = :q)
                """;
        long total = db.jdbc()
                .sql("SELECT COUNT(*) FROM auth_report_users_v1 u " + where)
                .param("q", query)
                .param("like", like)
                .query(Long.class)
                .single();
        List<UserSummary> users = db.jdbc()
                .sql(SELECT + where + " ORDER BY u.id DESC LIMIT :limit OFFSET :offset")
                .param("q", query)
                .param("like", like)
                .param("limit", limit)
                .param("offset", offset)
                .query(mapper())
                .list();
        return new UserPage(users, total, limit, offset, query);
    }

    public Optional<UserSummary> find(long id) {
        return db.jdbc()
                .sql(SELECT + " WHERE u.id = :id")
                .param("id", id)
                .query(mapper())
                .optional();
    }

    public long count() {
        return db.jdbc()
                .sql("SELECT COUNT(*) FROM auth_report_users_v1")
                .query(Long.class)
                .single();
    }

    private static RowMapper<UserSummary> mapper() {
        return (rs, n) -> {
            boolean login = rs.getObject("disabled_at") != null;
            boolean sessions = Truthy.of(rs.getObject("sessions_disabled"));
            long created = rs.getLong("created_at");
            long lastActivity =
                    Math.max(created, Math.max(rs.getLong("last_ledger_at"), rs.getLong("last_session_at")));
            long balance = rs.getLong("balance_seconds");
            return new UserSummary(
                    rs.getString("id"),
                    rs.getString("email"),
                    rs.getString("full_name"),
                    created,
                    login || sessions,
                    login,
                    sessions,
                    Truthy.of(rs.getObject("flagged")),
                    balance,
                    balance - rs.getLong("reserved_seconds"),
                    rs.getLong("total_spent_cents"),
                    lastActivity);
        };
    }
}
