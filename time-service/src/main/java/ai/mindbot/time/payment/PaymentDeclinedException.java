package ai.mindbot.time.payment;

import ai.mindbot.common.web.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 402: the card was declined. Carries Stripe's decline code and message so the client can show them. */
class PaymentDeclinedException extends ApiException {

    public PaymentDeclinedException(
            String purchaseId, String paymentIntentId, String code, String declineCode, String message) {
        super(
                HttpStatus.PAYMENT_REQUIRED,
                "payment_declined",
                message == null ? "Your card was declined." : message,
                members(purchaseId, paymentIntentId, code, declineCode));
    }

    private static Map<String, Object> members(
            String purchaseId, String paymentIntentId, String code, String declineCode) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("purchase_id", purchaseId);
        if (paymentIntentId != null) {
            members.put("payment_intent_id", paymentIntentId);
        }
        members.put("stripe_code", code == null ? "card_declined" : code);
        if (declineCode != null) {
            members.put("decline_code", declineCode);
        }
        return members;
    }
}
