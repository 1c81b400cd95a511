package ai.mindbot.time.balance;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account's flags and the live-session count, as an admin sees them. Reads only: the flags are
 * written by {@link ai.mindbot.time.ledger.Accounts}, the accounts table's one writer.
 */
@Repository
public class AccountStanding {

    /** One account as an admin sees it. */
    public record Standing(
            String userId,
            long balanceSeconds,
            long reservedSeconds,
            boolean disabled,
            String disabledReason,
            boolean flagged,
            String flagReason,
            long activeSessions) {

        @JsonProperty("available_seconds")
        public long availableSeconds() {
            return Math.max(0, balanceSeconds - reservedSeconds);
        }
    }

    private final JdbcClient jdbc;

    AccountStanding(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The standing, or a blank one for a user the time service has not seen yet. */
    public Standing of(String userId) {
        long active = activeSessions(userId);
        return jdbc.sql("""
                SELECT user_id, balance_seconds, reserved_seconds, disabled, disabled_reason, flagged, flag_reason
                FROM accounts WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) -> new Standing(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getBoolean(6),
                        rs.getString(7),
                        active))
                .optional()
                .orElseGet(() -> new Standing(userId, 0, 0, false, null, false, null, active));
    }

    public long activeSessions(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM voice_sessions WHERE user_id = :user AND status = 'active'")
                .param("user", userId)
                .query(Long.class)
                .single();
    }
}
