/** The HTTP side of payments: {@code POST /time/purchase} and Stripe's webhook, {@code POST /webhooks/stripe}. */
package ai.mindbot.time.payment.web;
