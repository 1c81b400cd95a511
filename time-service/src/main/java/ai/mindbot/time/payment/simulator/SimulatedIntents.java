package ai.mindbot.time.payment.simulator;

import ai.mindbot.time.payment.PaymentLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The simulator's own record of its PaymentIntents ({@code simulated_payment_intents}), what Stripe
 * keeps on its side: so the purchase janitor can ask the simulator what became of a payment, as it
 * asks Stripe. Kept in the service's database, so every instance sees the same simulator.
 */
final class SimulatedIntents {

    private final JdbcClient jdbc;
    private final Clock clock;

    SimulatedIntents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records an intent as first answered; a repeated call (same idempotency key) changes nothing. */
    void created(
            String id,
            String purchaseId,
            String status,
            long amountCents,
            String currency,
            String chargeId,
            String failureCode,
            String failureMessage) {
        long now = clock.millis();
        jdbc.sql("""
                INSERT INTO simulated_payment_intents (id, purchase_id, status, amount_cents, currency, charge_id,
                    failure_code, failure_message, created_at, updated_at)
                VALUES (:id, :purchase, :status, :amount, :currency, :charge, :code, :message, :now, :now)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", id)
                .param("purchase", purchaseId)
                .param("status", status)
                .param("amount", amountCents)
                .param("currency", currency)
                .param("charge", chargeId, Types.VARCHAR)
                .param("code", failureCode, Types.VARCHAR)
                .param("message", failureMessage, Types.VARCHAR)
                .param("now", now)
                .update();
    }

    /** The customer finished 3-D Secure: the intent succeeds, or is declined. False if it was not waiting. */
    boolean authenticated(String id, boolean approved, String chargeId) {
        return jdbc.sql("""
                UPDATE simulated_payment_intents
                SET status = :status, charge_id = :charge, failure_code = :code, failure_message = :message,
                    updated_at = :now
                WHERE id = :id AND status = 'requires_action'""")
                        .param("status", approved ? "succeeded" : "requires_payment_method")
                        .param("charge", approved ? chargeId : null, Types.VARCHAR)
                        .param("code", approved ? null : "authentication_failed", Types.VARCHAR)
                        .param(
                                "message",
                                approved ? null : "The customer failed 3-D Secure authentication.",
                                Types.VARCHAR)
                        .param("now", clock.millis())
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<PaymentLookup> find(String id) {
        return jdbc.sql("SELECT id, status, amount_cents, currency, charge_id, failure_code, failure_message "
                        + "FROM simulated_payment_intents WHERE id = :id")
                .param("id", id)
                .query(SimulatedIntents::lookup)
                .optional();
    }

    Optional<PaymentLookup> findByPurchase(String purchaseId) {
        return jdbc.sql("SELECT id, status, amount_cents, currency, charge_id, failure_code, failure_message "
                        + "FROM simulated_payment_intents WHERE purchase_id = :purchase")
                .param("purchase", purchaseId)
                .query(SimulatedIntents::lookup)
                .optional();
    }

    private static PaymentLookup lookup(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("id");
        return switch (rs.getString("status")) {
            case "succeeded" ->
                new PaymentLookup.Succeeded(
                        id, rs.getString("charge_id"), rs.getLong("amount_cents"), rs.getString("currency"));
            case "requires_payment_method" ->
                new PaymentLookup.Failed(id, rs.getString("failure_code"), rs.getString("failure_message"));
            default -> new PaymentLookup.Pending(id, rs.getString("status"));
        };
    }
}
