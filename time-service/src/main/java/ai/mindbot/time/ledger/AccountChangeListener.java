package ai.mindbot.time.ledger;

/**
 * Told, once the transaction that made it has committed, that what an account shows changed: its
 * balance, the seconds live sessions hold, or how many sessions are live. Whatever keeps a copy of
 * those (the balance cache) drops it here. Called on the committing thread; must not throw.
 */
public interface AccountChangeListener {

    void accountChanged(String userId);
}
