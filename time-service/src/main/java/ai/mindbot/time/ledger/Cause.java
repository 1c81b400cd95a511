package ai.mindbot.time.ledger;

import java.util.Objects;

/**
 * What an entry is linked to: a payment intent, a session commit, an admin action, a refund, a
 * dispute. Together with the entry kind it is unique, which is what makes credits exactly-once.
 */
public record Cause(String type, String id) {

    public Cause {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("a cause needs a type and an id");
        }
    }

    public static Cause paymentIntent(String paymentIntentId) {
        return new Cause("payment_intent", paymentIntentId);
    }

    public static Cause refund(String refundOrChargeId) {
        return new Cause("refund", refundOrChargeId);
    }

    public static Cause dispute(String disputeId) {
        return new Cause("dispute", disputeId);
    }

    public static Cause adminAction(String actionId) {
        return new Cause("admin_action", actionId);
    }

    /** One session commits several times (heartbeats, end); each commit is its own cause. */
    public static Cause sessionCommit(String sessionId, long commitNumber) {
        return new Cause("session", sessionId + "#" + commitNumber);
    }
}
