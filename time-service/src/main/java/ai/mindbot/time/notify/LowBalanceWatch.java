package ai.mindbot.time.notify;

import ai.mindbot.time.ledger.Accounts;
import ai.mindbot.time.ledger.BalanceListener;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Writes one low-balance notice per crossing, in the transaction of the debit that crossed: a
 * debit taking the balance from at least the threshold to below it sets
 * {@code accounts.low_balance_notified} (only if it was clear) and adds the outbox row; a credit
 * bringing the balance back to the threshold clears the flag. Both updates are conditional, so they
 * write only on a crossing; a debit that crosses nothing runs no statement at all.
 */
@Component
class LowBalanceWatch implements BalanceListener {

    private final Accounts accounts;
    private final NotificationOutbox outbox;
    private final LowBalanceSettings settings;
    private final Clock clock;

    LowBalanceWatch(Accounts accounts, NotificationOutbox outbox, LowBalanceSettings settings, Clock clock) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void balanceMoved(BalanceMove move) {
        long threshold = settings.thresholdSeconds();
        if (move.seconds() < 0 && move.crossedBelow(threshold)) {
            String email = accounts.markLowBalanceNotified(move.userId()).orElse(null);
            if (email != null) {
                outbox.add(
                        move.userId(),
                        Notification.LOW_BALANCE,
                        email.isEmpty() ? null : email,
                        move.balanceAfter(),
                        threshold,
                        clock.millis());
            }
        } else if (move.seconds() > 0 && move.balanceAfter() >= threshold) {
            accounts.clearLowBalanceNotified(move.userId());
        }
    }
}
