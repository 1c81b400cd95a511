/**
 * The payment simulator used when no {@code STRIPE_SECRET_KEY} is configured: it answers like
 * Stripe for Stripe's documented test payment methods, so the whole purchase flow (declines,
 * 3-D Secure completed by a signed webhook, refunds) works on a fresh machine. No money moves.
 */
package ai.mindbot.time.payment.simulator;
