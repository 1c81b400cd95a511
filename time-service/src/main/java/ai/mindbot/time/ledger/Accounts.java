package ai.mindbot.time.ledger;

import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table, and its only writer ({@code TableWritersTest} checks that no other class holds
 * SQL that writes it). Every write is one conditional statement, so each money rule (no overspend,
 * a hold only on what is free, one low-balance notice per crossing, one provider customer) is
 * decided by the database at write time, never by a read followed by a write.
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountChanges changes;

    Accounts(JdbcClient jdbc, Clock clock, AccountChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    /** Makes sure the user has an account row (idempotent, safe under concurrency). */
    public void ensure(String userId) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO accounts (user_id, balance_seconds, reserved_seconds, created_at, updated_at)
                VALUES (:user, 0, 0, :now, :now)
                ON CONFLICT (user_id) DO NOTHING""").param("user", userId).param("now", now).update();
    }

    public Optional<Account> find(String userId) {
        return jdbc.sql("""
                SELECT user_id, balance_seconds, reserved_seconds, disabled, flagged
                FROM accounts WHERE user_id = :user""")
                .param("user", userId)
                .query((rs, n) ->
                        new Account(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4), rs.getBoolean(5)))
                .optional();
    }

    /** The account, or an empty one for a user the time service has not seen yet. */
    public Account get(String userId) {
        return find(userId).orElseGet(() -> new Account(userId, 0, 0, false, false));
    }

    /**
     * The ledger's conditional row write: moves the balance and the session hold together; the new
     * balance, or null if the row is missing or the floor or the new hold is not covered.
     */
    Long moveBalance(NewEntry entry, Reservation reservation, long now) {
        return jdbc.sql("""
                UPDATE accounts SET balance_seconds = balance_seconds + :seconds,
                                    reserved_seconds = reserved_seconds - :release + :reserve, updated_at = :now
                WHERE user_id = :user AND (CAST(:floor AS BIGINT) IS NULL OR balance_seconds + :seconds >= CAST(:floor AS BIGINT))
                  AND (:reserve = 0 OR balance_seconds + :seconds - (reserved_seconds - :release) >= :reserve)
                RETURNING balance_seconds""")
                .param("seconds", entry.seconds())
                .param("now", now)
                .param("user", entry.userId())
                .param("floor", entry.floorAfter(), Types.BIGINT)
                .param("release", reservation.release())
                .param("reserve", reservation.reserve())
                .query(Long.class)
                .optional()
                .orElse(null);
    }

    /**
     * Releases {@code release} held seconds and holds {@code reserve} instead, with no ledger entry
     * (a session's start, a commit of zero seconds). The hold is taken only if the row still has it
     * free at write time, so concurrent starts can never hold more than the balance; false if not.
     */
    public boolean moveHold(String userId, long release, long reserve) {
        boolean moved = jdbc.sql("""
                UPDATE accounts SET reserved_seconds = reserved_seconds - :release + :reserve, updated_at = :now
                WHERE user_id = :user AND (:reserve = 0 OR balance_seconds - (reserved_seconds - :release) >= :reserve)""")
                        .param("release", release)
                        .param("reserve", reserve)
                        .param("now", clock.millis())
                        .param("user", userId)
                        .update()
                == 1;
        if (moved) {
            changes.changed(userId); // available seconds changed
        }
        return moved;
    }

    /**
     * Locks the account row for the rest of the transaction and answers the seconds live sessions
     * hold, so no session reserves more between reading that floor and posting against it.
     */
    public long lockHeldSeconds(String userId) {
        ensure(userId);
        return jdbc.sql("UPDATE accounts SET updated_at = :now WHERE user_id = :user RETURNING reserved_seconds")
                .param("now", clock.millis())
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    /** Marks the account for review (a dispute); the first reason is kept, later ones are appended. */
    public void flag(String userId, String reason) {
        ensure(userId);
        jdbc.sql("""
                UPDATE accounts SET flagged = TRUE, updated_at = :now,
                       flag_reason = CASE WHEN flag_reason IS NULL THEN :reason ELSE flag_reason || '; ' || :reason END
                WHERE user_id = :user""")
                .param("reason", reason)
                .param("now", clock.millis())
                .param("user", userId)
                .update();
    }

    /** Disables or re-enables the account; sessions refuse to start for a disabled account. */
    public void setDisabled(String userId, boolean disabled, String reason) {
        ensure(userId);
        jdbc.sql("""
                UPDATE accounts SET disabled = :disabled, disabled_reason = :reason, updated_at = :now
                WHERE user_id = :user""")
                .param("disabled", disabled)
                .param("reason", disabled ? reason : null, Types.VARCHAR)
                .param("now", clock.millis())
                .param("user", userId)
                .update();
    }

    /** Keeps the address notices go to; writes only when it changed, so a session start costs no extra write. */
    public void rememberNotifyEmail(String userId, String email) {
        jdbc.sql("""
                UPDATE accounts SET notify_email = :email
                WHERE user_id = :user AND (notify_email IS NULL OR notify_email <> :email)""").param("email", email).param("user", userId).update();
    }

    /**
     * Sets the low-balance flag only if it was clear, so one crossing gives one notice however many
     * debits race; the address to send it to ("" for none) when this call set it, empty otherwise.
     */
    public Optional<String> markLowBalanceNotified(String userId) {
        return jdbc.sql("""
                UPDATE accounts SET low_balance_notified = TRUE
                WHERE user_id = :user AND low_balance_notified = FALSE
                RETURNING COALESCE(notify_email, '')""").param("user", userId).query(String.class).optional();
    }

    /** Clears the low-balance flag (writes only if it was set), so the next crossing notifies again. */
    public void clearLowBalanceNotified(String userId) {
        jdbc.sql("""
                UPDATE accounts SET low_balance_notified = FALSE
                WHERE user_id = :user AND low_balance_notified = TRUE""").param("user", userId).update();
    }

    /**
     * Stores the provider's customer unless one is stored already (a simulator's customer
     * {@code simulatedPrefix…} may be replaced), so two first purchases racing keep the same one.
     */
    public void storeStripeCustomer(String userId, String customerId, String simulatedPrefix) {
        jdbc.sql("""
                UPDATE accounts SET stripe_customer_id = :created
                WHERE user_id = :user AND (stripe_customer_id IS NULL OR stripe_customer_id LIKE :simulated)""")
                .param("created", customerId)
                .param("user", userId)
                .param("simulated", simulatedPrefix + "%")
                .update();
    }
}
