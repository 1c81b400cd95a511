/**
 * The append-only ledger of seconds and the balances it keeps. Every change to a balance is an
 * entry naming its cause; the stored balance moves in the same transaction, and
 * {@link ai.mindbot.time.ledger.LedgerAudit} proves it can be rebuilt from the entries.
 */
package ai.mindbot.time.ledger;
