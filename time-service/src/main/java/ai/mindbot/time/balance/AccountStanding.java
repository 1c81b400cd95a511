package ai.mindbot.time.balance;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.stereotype.Repository;

import ai.mindbot.time.ledger.Accounts;

/** The account's flags and the live-session count: everything about an account that is not the ledger. */
@Repository
public class AccountStanding {

    /** One account as an admin sees it. */
    public record Standing(String userId, long balanceSeconds, long reservedSeconds, boolean disabled,
            String disabledReason, boolean flagged, String flagReason, long activeSessions) {

        @JsonProperty("available_seconds")
        public long availableSeconds() {
            return Math.max(0, balanceSeconds - reservedSeconds);
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    AccountStanding(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The standing, or a blank one for a user the time service has not seen yet. */
    public Standing of(String userId) {
        long active = activeSessions(userId);
        return jdbc.sql("""
                SELECT user_id, balance_seconds, reserved_seconds, disabled, disabled_reason, flagged, flag_reason
                FROM accounts WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Standing(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4),
                        rs.getString(5), rs.getBoolean(6), rs.getString(7), active))
                .optional()
                .orElseGet(() -> new Standing(userId, 0, 0, false, null, false, null, active));
    }

    public long activeSessions(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM voice_sessions WHERE user_id = :user AND status = 'active'")
                .param("user", userId).query(Long.class).single();
    }

    /** Marks the account for review (a dispute); the first reason is kept, later ones are appended. */
    public void flag(String userId, String reason) {
        accounts.ensure(userId);
        jdbc.sql("""
                UPDATE accounts SET flagged = TRUE, updated_at = :now,
                       flag_reason = CASE WHEN flag_reason IS NULL THEN :reason ELSE flag_reason || '; ' || :reason END
                WHERE user_id = :user""")
                .param("reason", reason).param("now", clock.millis()).param("user", userId).update();
    }

    /** Disables or re-enables the account; sessions refuse to start for a disabled account. */
    public void setDisabled(String userId, boolean disabled, String reason) {
        accounts.ensure(userId);
        jdbc.sql("""
                UPDATE accounts SET disabled = :disabled, disabled_reason = :reason, updated_at = :now
                WHERE user_id = :user""")
                .param("disabled", disabled).param("reason", disabled ? reason : null, java.sql.Types.VARCHAR)
                .param("now", clock.millis()).param("user", userId).update();
    }
}
