package ai.mindbot.time.session;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ai.mindbot.time.ledger.AccountChanges;

/**
 * Seconds held on {@code accounts.reserved_seconds} for live sessions, when no ledger entry moves
 * with them (a start, a commit of zero seconds). A hold is taken only if the row still has it
 * free at write time, so concurrent starts can never hold more than the balance.
 */
@Repository
class Reservations {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AccountChanges changes;

    Reservations(JdbcClient jdbc, Clock clock, AccountChanges changes) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.changes = changes;
    }

    /** Releases {@code release} and holds {@code reserve} instead; false if the account cannot cover it. */
    boolean move(String userId, long release, long reserve) {
        boolean moved = jdbc.sql("""
                UPDATE accounts SET reserved_seconds = reserved_seconds - :release + :reserve, updated_at = :now
                WHERE user_id = :user AND (:reserve = 0 OR balance_seconds - (reserved_seconds - :release) >= :reserve)""")
                .param("release", release).param("reserve", reserve).param("now", clock.millis())
                .param("user", userId).update() == 1;
        if (moved) {
            changes.changed(userId); // available seconds changed
        }
        return moved;
    }
}
