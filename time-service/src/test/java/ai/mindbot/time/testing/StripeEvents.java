package ai.mindbot.time.testing;

import ai.mindbot.common.test.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Stripe event bodies shaped like the ones Stripe sends (only the fields that matter here, plus the envelope). */
public final class StripeEvents {

    private StripeEvents() {}

    public static String newEventId() {
        return "evt_test_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String event(String id, String type, Map<String, Object> object) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("object", "event");
        event.put("api_version", "2025-09-30.clover");
        event.put("created", System.currentTimeMillis() / 1000);
        event.put("livemode", false);
        event.put("pending_webhooks", 1);
        event.put("type", type);
        event.put("data", Map.of("object", object));
        return Http.json(event);
    }

    public static Map<String, Object> paymentIntent(
            String id, long amount, String currency, String status, String purchaseId) {
        Map<String, Object> pi = new LinkedHashMap<>();
        pi.put("id", id);
        pi.put("object", "payment_intent");
        pi.put("amount", amount);
        pi.put("amount_received", "succeeded".equals(status) ? amount : 0);
        pi.put("currency", currency);
        pi.put("status", status);
        pi.put("latest_charge", "ch_for_" + id);
        pi.put("metadata", purchaseId == null ? Map.of() : Map.of("purchase_id", purchaseId));
        return pi;
    }

    public static String succeeded(String intentId, long amount, String currency, String purchaseId) {
        return event(
                newEventId(),
                "payment_intent.succeeded",
                paymentIntent(intentId, amount, currency, "succeeded", purchaseId));
    }

    public static String failed(String intentId, long amount, String purchaseId) {
        Map<String, Object> pi = paymentIntent(intentId, amount, "usd", "requires_payment_method", purchaseId);
        pi.put(
                "last_payment_error",
                Map.of(
                        "code",
                        "card_declined",
                        "decline_code",
                        "generic_decline",
                        "message",
                        "Your card was declined."));
        return event(newEventId(), "payment_intent.payment_failed", pi);
    }

    public static String refunded(String intentId, long amount, long amountRefunded) {
        Map<String, Object> charge = new LinkedHashMap<>();
        charge.put("id", "ch_for_" + intentId);
        charge.put("object", "charge");
        charge.put("amount", amount);
        charge.put("amount_refunded", amountRefunded);
        charge.put("currency", "usd");
        charge.put("payment_intent", intentId);
        charge.put("refunded", amountRefunded >= amount);
        return event(newEventId(), "charge.refunded", charge);
    }

    public static String disputed(String disputeId, String intentId, long amount) {
        Map<String, Object> dispute = new LinkedHashMap<>();
        dispute.put("id", disputeId);
        dispute.put("object", "dispute");
        dispute.put("amount", amount);
        dispute.put("currency", "usd");
        dispute.put("charge", "ch_for_" + intentId);
        dispute.put("payment_intent", intentId);
        dispute.put("reason", "fraudulent");
        dispute.put("status", "needs_response");
        return event(newEventId(), "charge.dispute.created", dispute);
    }
}
