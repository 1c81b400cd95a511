package ai.mindbot.auth.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. Emails arrive normalized; the unique index keeps them unique. */
@Repository
public class AccountStore {

    private static final String COLUMNS =
            "id, email, full_name, password_hash, created_at, disabled_at, disabled_reason";

    private final JdbcClient db;

    AccountStore(JdbcClient db) {
        this.db = db;
    }

    /** The new account, or empty when the email is taken (decided by the unique index, not a prior read). */
    public Optional<UserAccount> create(String email, String fullName, String passwordHash, long now) {
        return db.sql("""
                INSERT INTO users (email, full_name, password_hash, created_at, updated_at)
                VALUES (:email, :fullName, :hash, :now, :now)
                ON CONFLICT (email) DO NOTHING
                RETURNING %s""".formatted(COLUMNS))
                .param("email", email)
                .param("fullName", fullName)
                .param("hash", passwordHash)
                .param("now", now)
                .query(AccountStore::row)
                .optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(AccountStore::row)
                .optional();
    }

    public Optional<UserAccount> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(AccountStore::row)
                .optional();
    }

    public void changePassword(long id, String passwordHash, long now) {
        db.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", passwordHash)
                .param("now", now)
                .param("id", id)
                .update();
    }

    /** Marks the account disabled (keeping the first disable time if it already was); false if unknown. */
    public boolean disable(long id, String reason, String by, long now) {
        return db.sql("""
                UPDATE users SET disabled_at = COALESCE(disabled_at, :now), disabled_reason = :reason,
                                 disabled_by = :by, updated_at = :now
                WHERE id = :id""")
                        .param("now", now)
                        .param("reason", reason)
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    public boolean enable(long id, long now) {
        return db.sql("""
                UPDATE users SET disabled_at = NULL, disabled_reason = NULL, disabled_by = NULL, updated_at = :now
                WHERE id = :id""").param("now", now).param("id", id).update() == 1;
    }

    private static UserAccount row(ResultSet rs, int n) throws SQLException {
        long disabledAt = rs.getLong("disabled_at");
        boolean active = rs.wasNull();
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("full_name"),
                rs.getString("password_hash"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                active ? null : Instant.ofEpochMilli(disabledAt),
                rs.getString("disabled_reason"));
    }
}
