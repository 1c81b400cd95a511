/**
 * The real payment provider: stripe-java's {@code StripeClient}, keyed by {@code STRIPE_SECRET_KEY},
 * pointed at {@code STRIPE_API_BASE} when set (stripe-mock in the end-to-end tests).
 */
package ai.mindbot.time.payment.stripe;
