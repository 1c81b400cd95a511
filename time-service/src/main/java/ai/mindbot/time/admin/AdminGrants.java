package ai.mindbot.time.admin;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ai.mindbot.common.web.ApiException;
import ai.mindbot.time.balance.EntryView;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.InsufficientBalanceException;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerEntry;
import ai.mindbot.time.ledger.NewEntry;

/**
 * Grants and revokes seconds by hand. The Idempotency-Key (scoped to the acting admin) is the
 * entry's cause, so a double click or a retried request posts once. A revoke never takes the
 * balance below what live sessions have reserved.
 */
@Service
class AdminGrants {

    record Granted(EntryView entry, long balanceSeconds, Boolean replayed) {
    }

    private final Ledger ledger;
    private final Accounts accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    AdminGrants(Ledger ledger, Accounts accounts, JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Granted grant(String actor, String userId, long seconds, String reason, String idempotencyKey) {
        if (seconds == 0) {
            throw ApiException.badRequest("validation_failed", "seconds must not be zero");
        }
        Cause cause = Cause.adminAction("grant:" + actor + ":"
                + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()));
        Optional<LedgerEntry> earlier = postedFor(cause);
        if (earlier.isPresent()) {
            LedgerEntry entry = earlier.get();
            if (!entry.userId().equals(userId) || entry.seconds() != seconds) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                        "this Idempotency-Key was used for a different grant; use a new key");
            }
            return new Granted(EntryView.of(entry), accounts.get(userId).balanceSeconds(), true);
        }
        EntryKind kind = seconds > 0 ? EntryKind.ADMIN_GRANT : EntryKind.ADMIN_REVOKE;
        NewEntry entry = NewEntry.of(userId, kind, seconds, cause).withActor(actor, reason);
        if (seconds < 0) {
            entry = entry.withFloor(lockedReservedSeconds(userId));
        }
        try {
            LedgerEntry posted = ledger.post(entry);
            return new Granted(EntryView.of(posted), posted.balanceAfter(), null);
        } catch (InsufficientBalanceException e) {
            throw new ApiException(HttpStatus.CONFLICT, "revoke_exceeds_available",
                    "cannot revoke " + (-seconds) + " seconds: the account has only "
                            + accounts.get(userId).availableSeconds() + " seconds not held by live sessions");
        }
    }

    private Optional<LedgerEntry> postedFor(Cause cause) {
        return jdbc.sql("""
                SELECT id, user_id, kind, seconds, corrects_entry_id, balance_after, actor, note, created_at
                FROM ledger_entries WHERE cause_type = :type AND cause_id = :id""")
                .param("type", cause.type()).param("id", cause.id())
                .query((rs, n) -> new LedgerEntry(rs.getLong("id"), rs.getString("user_id"),
                        EntryKind.fromDb(rs.getString("kind")), rs.getLong("seconds"), cause.type(), cause.id(),
                        rs.getObject("corrects_entry_id") == null ? null : rs.getLong("corrects_entry_id"), rs.getLong("balance_after"),
                        rs.getString("actor"), rs.getString("note"), rs.getLong("created_at")))
                .optional();
    }

    /** Locks the account row, so no session reserves more between reading the floor and posting. */
    private long lockedReservedSeconds(String userId) {
        accounts.ensure(userId);
        return jdbc.sql("UPDATE accounts SET updated_at = :now WHERE user_id = :user RETURNING reserved_seconds")
                .param("now", clock.millis()).param("user", userId).query(Long.class).single();
    }
}
