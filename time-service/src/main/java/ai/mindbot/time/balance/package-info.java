/**
 * What a user (or an admin) reads about an account: the balance with what live sessions hold, the
 * paginated ledger, and the standing flags (disabled, flagged) that payments and admins set.
 */
package ai.mindbot.time.balance;
