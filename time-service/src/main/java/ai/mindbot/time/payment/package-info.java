/**
 * Buying time cards. A {@link ai.mindbot.time.payment.PaymentProvider} (Stripe, or the built-in
 * simulator when no Stripe key is configured) takes the money; {@link ai.mindbot.time.payment.PaymentSettlement}
 * turns what the provider says (confirm answers, webhooks, refunds, disputes) into ledger entries,
 * each exactly once: the purchase row is locked and moved forward with conditional updates, and
 * every entry carries a unique cause.
 */
package ai.mindbot.time.payment;
