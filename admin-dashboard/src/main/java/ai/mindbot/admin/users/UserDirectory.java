package ai.mindbot.admin.users;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import ai.mindbot.admin.db.ReportsDatabase;

/**
 * Users from the auth service's {@code users} table with their time-service figures. Search
 * matches the email or name (case-insensitive substring) or the exact id.
 */
@Repository
public class UserDirectory {

    private final ReportsDatabase db;
    private final AuthUsersTable usersTable;

    UserDirectory(ReportsDatabase db, AuthUsersTable usersTable) {
        this.db = db;
        this.usersTable = usersTable;
    }

    public UserPage page(String q, int limit, int offset) {
        String query = q == null ? "" : q.strip();
        String like = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = """
                WHERE (:q = '' OR LOWER(u.email) LIKE :like ESCAPE '\\' OR LOWER(u.full_name) LIKE :like ESCAPE '\\'
                       OR CAST(u.id AS TEXT) = :q)
                """;
        long total = db.jdbc().sql("SELECT COUNT(*) FROM users u " + where)
                .param("q", query).param("like", like).query(Long.class).single();
        List<UserSummary> users = db.jdbc().sql(select() + where + " ORDER BY u.id DESC LIMIT :limit OFFSET :offset")
                .param("q", query).param("like", like).param("limit", limit).param("offset", offset)
                .query(mapper()).list();
        return new UserPage(users, total, limit, offset, query);
    }

    public Optional<UserSummary> find(long id) {
        return db.jdbc().sql(select() + " WHERE u.id = :id").param("id", id).query(mapper()).optional();
    }

    public long count() {
        return db.jdbc().sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    private String select() {
        return """
                SELECT u.id, u.email, u.full_name, u.created_at, u.%s AS login_disabled,
                       a.balance_seconds, a.reserved_seconds, a.disabled AS sessions_disabled, a.flagged,
                       (SELECT COALESCE(SUM(p.amount_cents - p.refunded_cents), 0) FROM purchases p
                         WHERE p.user_id = a.user_id AND p.succeeded_at IS NOT NULL) AS total_spent_cents,
                       (SELECT MAX(l.created_at) FROM ledger_entries l WHERE l.user_id = a.user_id) AS last_ledger_at,
                       (SELECT MAX(s.started_at) FROM voice_sessions s WHERE s.user_id = a.user_id) AS last_session_at
                FROM users u LEFT JOIN accounts a ON a.user_id = CAST(u.id AS TEXT)
                """.formatted(usersTable.disabledColumn());
    }

    private static RowMapper<UserSummary> mapper() {
        return (rs, n) -> {
            boolean login = Truthy.of(rs.getObject("login_disabled"));
            boolean sessions = Truthy.of(rs.getObject("sessions_disabled"));
            long created = rs.getLong("created_at");
            long lastActivity = Math.max(created, Math.max(rs.getLong("last_ledger_at"), rs.getLong("last_session_at")));
            long balance = rs.getLong("balance_seconds");
            return new UserSummary(rs.getString("id"), rs.getString("email"), rs.getString("full_name"), created,
                    login || sessions, login, sessions, Truthy.of(rs.getObject("flagged")), balance,
                    balance - rs.getLong("reserved_seconds"), rs.getLong("total_spent_cents"), lastActivity);
        };
    }
}
