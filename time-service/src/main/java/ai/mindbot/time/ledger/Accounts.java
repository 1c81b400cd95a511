package ai.mindbot.time.ledger;

import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table: created on first contact, read for balances. */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;

    Accounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes sure the user has an account row (idempotent, safe under concurrency). */
    public void ensure(String userId) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO accounts (user_id, balance_seconds, reserved_seconds, created_at, updated_at)
                VALUES (:user, 0, 0, :now, :now)
                ON CONFLICT (user_id) DO NOTHING""")
                .param("user", userId).param("now", now).update();
    }

    public Optional<Account> find(String userId) {
        return jdbc.sql("""
                SELECT user_id, balance_seconds, reserved_seconds, disabled, flagged
                FROM accounts WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Account(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4),
                        rs.getBoolean(5)))
                .optional();
    }

    /** The account, or an empty one for a user the time service has not seen yet. */
    public Account get(String userId) {
        return find(userId).orElseGet(() -> new Account(userId, 0, 0, false, false));
    }
}
