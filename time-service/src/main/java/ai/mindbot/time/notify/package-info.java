/**
 * Notifications to users, written to an outbox in the transaction that causes them and delivered
 * later by {@link ai.mindbot.time.notify.OutboxDelivery}: by email when SMTP is configured,
 * otherwise to the log. Today: one low-balance notice per crossing of LOW_BALANCE_THRESHOLD_SECONDS.
 */
package ai.mindbot.time.notify;
