/**
 * Metered voice sessions, RFC 4006 style: a start reserves a slice of the balance, each heartbeat
 * commits the seconds used (one ledger entry, one balance-row write) and reserves the next slice,
 * the end commits the exact use and releases the rest, and {@link ai.mindbot.time.session.SessionSweeper}
 * settles sessions whose reservation lapsed. Concurrent sessions of one user can never hold more
 * than the balance: every reservation is a conditional update on {@code accounts}.
 */
package ai.mindbot.time.session;
