package ai.mindbot.time.admin;

import ai.mindbot.common.web.ApiException;
import ai.mindbot.time.balance.EntryView;
import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.InsufficientBalanceException;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerEntry;
import ai.mindbot.time.ledger.NewEntry;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants and revokes seconds by hand. The Idempotency-Key (scoped to the acting admin) is the
 * entry's cause, so a double click or a retried request posts once. A revoke never takes the
 * balance below what live sessions have reserved.
 */
@Service
class AdminGrants {

    record Granted(EntryView entry, long balanceSeconds, Boolean replayed) {}

    private final Ledger ledger;
    private final Accounts accounts;

    AdminGrants(Ledger ledger, Accounts accounts) {
        this.ledger = ledger;
        this.accounts = accounts;
    }

    @Transactional
    public Granted grant(String actor, String userId, long seconds, String reason, String idempotencyKey) {
        if (seconds == 0) {
            throw ApiException.badRequest("validation_failed", "seconds must not be zero");
        }
        Cause cause = Cause.adminAction("grant:" + actor + ":"
                + (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()));
        Optional<LedgerEntry> earlier = ledger.postedFor(cause);
        if (earlier.isPresent()) {
            LedgerEntry entry = earlier.get();
            if (!entry.userId().equals(userId) || entry.seconds() != seconds) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency_key_reused",
                        "this Idempotency-Key was used for a different grant; use a new key");
            }
            return new Granted(EntryView.of(entry), accounts.get(userId).balanceSeconds(), true);
        }
        EntryKind kind = seconds > 0 ? EntryKind.ADMIN_GRANT : EntryKind.ADMIN_REVOKE;
        NewEntry entry = NewEntry.of(userId, kind, seconds, cause).withActor(actor, reason);
        if (seconds < 0) {
            entry = entry.withFloor(accounts.lockHeldSeconds(userId));
        }
        try {
            LedgerEntry posted = ledger.post(entry);
            return new Granted(EntryView.of(posted), posted.balanceAfter(), null);
        } catch (InsufficientBalanceException e) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "revoke_exceeds_available",
                    "cannot revoke " + (-seconds) + " seconds: the account has only "
                            + accounts.get(userId).availableSeconds() + " seconds not held by live sessions");
        }
    }
}
