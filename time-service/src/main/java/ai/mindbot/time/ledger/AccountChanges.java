package ai.mindbot.time.ledger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Collects the accounts a transaction changes and tells the {@link AccountChangeListener}s after
 * it commits: before would let a reader on another instance cache the old figures again between
 * the news and the commit; a rollback changes nothing to tell. Every ledger post is reported here
 * (this is a {@link BalanceListener}); code that moves holds or starts and ends sessions without a
 * ledger entry calls {@link #changed} itself. With no listener (no balance cache) this costs nothing.
 */
@Component
public class AccountChanges implements BalanceListener {

    private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);

    private final ObjectProvider<AccountChangeListener> provider;
    /** Looked up at first use, as {@link Ledger} does its listeners: every listener is a singleton. */
    private volatile List<AccountChangeListener> listeners;

    AccountChanges(ObjectProvider<AccountChangeListener> provider) {
        this.provider = provider;
    }

    @Override
    public void balanceMoved(BalanceMove move) {
        changed(move.userId());
    }

    /** The account changed in the current transaction (or just now, outside one). */
    public void changed(String userId) {
        List<AccountChangeListener> told = listeners();
        if (told.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            tell(told, userId);
            return;
        }
        pendingOfThisTransaction(told).users.add(userId);
    }

    /**
     * Found among the current transaction's synchronizations rather than bound as a resource: a
     * transaction suspended for an inner one takes its synchronizations along, so an inner
     * transaction's changes are told when the inner one commits, not with (or despite) the outer.
     */
    private Pending pendingOfThisTransaction(List<AccountChangeListener> told) {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.owner() == this) {
                return pending;
            }
        }
        Pending pending = new Pending(told);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private List<AccountChangeListener> listeners() {
        List<AccountChangeListener> resolved = listeners;
        if (resolved == null) {
            resolved = provider.orderedStream().toList();
            listeners = resolved;
        }
        return resolved;
    }

    private static void tell(List<AccountChangeListener> listeners, String userId) {
        for (AccountChangeListener listener : listeners) {
            try {
                listener.accountChanged(userId);
            } catch (RuntimeException e) {
                // the change is committed: a listener's trouble must not turn it into an error
                log.error(
                        "account change listener {} failed for a committed change",
                        listener.getClass().getSimpleName(),
                        e);
            }
        }
    }

    /** One transaction's changed accounts, each told once. */
    private final class Pending implements TransactionSynchronization {
        private final List<AccountChangeListener> told;
        private final Set<String> users = new LinkedHashSet<>();

        Pending(List<AccountChangeListener> told) {
            this.told = told;
        }

        AccountChanges owner() {
            return AccountChanges.this;
        }

        @Override
        public void afterCommit() {
            users.forEach(user -> tell(told, user));
        }
    }
}
