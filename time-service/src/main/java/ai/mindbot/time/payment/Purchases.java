package ai.mindbot.time.payment;

import ai.mindbot.time.catalog.TimePackage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The purchases table. State changes are conditional updates, so two writers racing on one purchase
 * (a confirm answer and a webhook, two webhooks) cannot both move it, and every status change is
 * guarded by {@link PurchaseStatus}'s transitions ({@code status IN} the statuses allowed to move
 * to its target), so a move the table forbids writes nothing.
 */
@Repository
public class Purchases {

    private static final String COLUMNS = """
            id, user_id, package_id, seconds, amount_cents, currency, status, provider, payment_intent_id,
            idempotency_key, request_hash, client_secret, refunded_cents, taken_back_seconds, charge_id,
            failure_code, failure_message, response_body, created_at, updated_at, succeeded_at""";

    /** What {@link #markAwaiting} may set: the PaymentIntent waits for the buyer or the bank. */
    private static final Set<PurchaseStatus> AWAITING = EnumSet.of(
            PurchaseStatus.REQUIRES_PAYMENT_METHOD, PurchaseStatus.REQUIRES_ACTION, PurchaseStatus.PROCESSING);

    private final JdbcClient jdbc;
    private final Clock clock;

    Purchases(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new purchase; empty when the user already used this Idempotency-Key. */
    public Optional<Purchase> create(
            String id, String userId, TimePackage pkg, String provider, String idempotencyKey, String requestHash) {
        long now = clock.millis();
        return jdbc.sql("INSERT INTO purchases (id, user_id, package_id, seconds, amount_cents, currency, status, "
                        + "provider, idempotency_key, request_hash, created_at, updated_at) "
                        + "VALUES (:id, :user, :pkg, :seconds, :amount, :currency, :status, :provider, :key, :hash, :now, :now) "
                        + "ON CONFLICT (user_id, idempotency_key) DO NOTHING RETURNING " + COLUMNS)
                .param("id", id)
                .param("user", userId)
                .param("pkg", pkg.id())
                .param("seconds", pkg.seconds())
                .param("amount", pkg.priceCents())
                .param("currency", pkg.currency())
                .param("status", PurchaseStatus.CREATED.dbValue())
                .param("provider", provider)
                .param("key", idempotencyKey, Types.VARCHAR)
                .param("hash", requestHash)
                .param("now", now)
                .query(Purchases::map)
                .optional();
    }

    public Optional<Purchase> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE id = :id")
                .param("id", id)
                .query(Purchases::map)
                .optional();
    }

    public Optional<Purchase> findByKey(String userId, String idempotencyKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE user_id = :user AND idempotency_key = :key")
                .param("user", userId)
                .param("key", idempotencyKey)
                .query(Purchases::map)
                .optional();
    }

    public Optional<Purchase> findByPaymentIntent(String paymentIntentId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE payment_intent_id = :pi")
                .param("pi", paymentIntentId)
                .query(Purchases::map)
                .optional();
    }

    public Optional<Purchase> findByCharge(String chargeId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE charge_id = :charge")
                .param("charge", chargeId)
                .query(Purchases::map)
                .optional();
    }

    public List<Purchase> ofUser(String userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE user_id = :user ORDER BY created_at DESC")
                .param("user", userId)
                .query(Purchases::map)
                .list();
    }

    /**
     * Locks the row for the rest of the transaction (a no-op write takes the row lock on
     * PostgreSQL; SQLite transactions are IMMEDIATE and already exclusive) and returns it fresh.
     */
    public Optional<Purchase> lock(String id) {
        return jdbc.sql("UPDATE purchases SET updated_at = :now WHERE id = :id RETURNING " + COLUMNS)
                .param("now", clock.millis())
                .param("id", id)
                .query(Purchases::map)
                .optional();
    }

    /** Takes over a purchase that was never answered (provider unreachable, or a crash long ago). */
    public boolean claimForRetry(String id, long staleBefore) {
        return jdbc.sql("""
                UPDATE purchases SET status = 'created', updated_at = :now
                WHERE id = :id AND status IN (%s)
                  AND (status = 'unconfirmed' OR (status = 'created' AND updated_at < :stale))""".formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.CREATED)))
                        .param("now", clock.millis())
                        .param("id", id)
                        .param("stale", staleBefore)
                        .update()
                == 1;
    }

    public void markUnconfirmed(String id) {
        jdbc.sql("UPDATE purchases SET status = 'unconfirmed', updated_at = :now WHERE id = :id AND status IN (%s)"
                        .formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.UNCONFIRMED)))
                .param("now", clock.millis())
                .param("id", id)
                .update();
    }

    /** Remembers the payment intent; once known it never changes. */
    public void attachPaymentIntent(String id, String paymentIntentId) {
        jdbc.sql("""
                UPDATE purchases SET payment_intent_id = :pi, updated_at = :now
                WHERE id = :id AND payment_intent_id IS NULL""")
                .param("pi", paymentIntentId)
                .param("now", clock.millis())
                .param("id", id)
                .update();
    }

    /** requires_payment_method, requires_action or processing, unless a webhook already settled the purchase. */
    public void markAwaiting(String id, PurchaseStatus status, String clientSecret) {
        if (!AWAITING.contains(status)) {
            throw new IllegalArgumentException(status + " is not a status that waits for the buyer or the bank");
        }
        jdbc.sql("""
                UPDATE purchases SET status = :status, client_secret = :secret, updated_at = :now
                WHERE id = :id AND succeeded_at IS NULL AND status IN (%s)""".formatted(PurchaseStatus.sqlSourcesOf(status)))
                .param("status", status.dbValue())
                .param("secret", clientSecret, Types.VARCHAR)
                .param("now", clock.millis())
                .param("id", id)
                .update();
    }

    /** Failed, unless it was credited: a late failure never undoes a success. */
    public boolean markFailed(String id, String code, String message) {
        return jdbc.sql("""
                UPDATE purchases SET status = 'failed', failure_code = :code, failure_message = :message, updated_at = :now
                WHERE id = :id AND succeeded_at IS NULL AND status IN (%s)""".formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.FAILED)))
                        .param("code", code, Types.VARCHAR)
                        .param("message", message, Types.VARCHAR)
                        .param("now", clock.millis())
                        .param("id", id)
                        .update()
                == 1;
    }

    /** Moves an uncredited purchase to succeeded; false when it was credited already. */
    boolean markSucceeded(String id, String paymentIntentId, String chargeId) {
        long now = clock.millis();
        return jdbc.sql("""
                UPDATE purchases SET status = 'succeeded', succeeded_at = :now, updated_at = :now,
                       payment_intent_id = COALESCE(payment_intent_id, :pi), charge_id = COALESCE(:charge, charge_id),
                       failure_code = NULL, failure_message = NULL
                WHERE id = :id AND succeeded_at IS NULL AND status IN (%s)""".formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.SUCCEEDED)))
                        .param("now", now)
                        .param("pi", paymentIntentId)
                        .param("charge", chargeId, Types.VARCHAR)
                        .param("id", id)
                        .update()
                == 1;
    }

    /**
     * Review, for a purchase not credited; a credited one keeps its status (what was paid stays
     * credited) and only records why the payment event did not match.
     */
    void markReview(String id, String code, String message) {
        jdbc.sql("""
                UPDATE purchases SET status = CASE WHEN succeeded_at IS NULL AND status IN (%s) THEN 'review' ELSE status END,
                       failure_code = :code, failure_message = :message, updated_at = :now
                WHERE id = :id""".formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.REVIEW)))
                .param("code", code)
                .param("message", message)
                .param("now", clock.millis())
                .param("id", id)
                .update();
    }

    /** A refund or dispute of a credited purchase: what was taken back so far, and the status it leaves. */
    void recordTakeBack(String id, long refundedCents, long takenBackSeconds, PurchaseStatus status, String chargeId) {
        jdbc.sql("""
                UPDATE purchases SET refunded_cents = :cents, taken_back_seconds = :taken, status = :status,
                       charge_id = COALESCE(charge_id, :charge), updated_at = :now
                WHERE id = :id AND succeeded_at IS NOT NULL AND status IN (%s)""".formatted(PurchaseStatus.sqlSourcesOf(status)))
                .param("cents", refundedCents)
                .param("taken", takenBackSeconds)
                .param("status", status.dbValue())
                .param("charge", chargeId, Types.VARCHAR)
                .param("now", clock.millis())
                .param("id", id)
                .update();
    }

    /**
     * Purchases taken by {@code provider}, not settled, untouched since {@code stuckBefore} and due
     * for the janitor's next look: the payment may have been decided there while we heard nothing.
     */
    List<Purchase> stuck(String provider, long stuckBefore, long now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM purchases
                WHERE succeeded_at IS NULL AND status IN ('created', 'unconfirmed', 'requires_payment_method', 'requires_action', 'processing')
                  AND updated_at < :stuck AND (janitor_next_at IS NULL OR janitor_next_at <= :now)
                  AND provider = :provider
                ORDER BY updated_at LIMIT :limit""")
                .param("stuck", stuckBefore)
                .param("now", now)
                .param("provider", provider)
                .param("limit", limit)
                .query(Purchases::map)
                .list();
    }

    /** The janitor looked and found nothing final: it looks again at {@code nextAt}. */
    void lookAgainAt(String id, long nextAt) {
        jdbc.sql("UPDATE purchases SET janitor_checks = janitor_checks + 1, janitor_next_at = :next WHERE id = :id")
                .param("next", nextAt)
                .param("id", id)
                .update();
    }

    /** How often the janitor asked the provider about a purchase without a final answer. */
    int janitorChecks(String id) {
        return jdbc.sql("SELECT janitor_checks FROM purchases WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    /**
     * Failed with {@code not_charged}: the provider never received the payment. Only if nobody moved
     * the purchase since it was {@code seen} (a client's retry takes it over and touches it first).
     */
    boolean markNotCharged(Purchase seen, String message) {
        return jdbc.sql("""
                UPDATE purchases SET status = 'failed', failure_code = :code, failure_message = :message,
                       updated_at = :now
                WHERE id = :id AND status = :status AND updated_at = :seen AND succeeded_at IS NULL
                  AND status IN (%s)""".formatted(PurchaseStatus.sqlSourcesOf(PurchaseStatus.FAILED)))
                        .param("code", PurchaseJanitor.NOT_CHARGED)
                        .param("message", message)
                        .param("now", clock.millis())
                        .param("id", seen.id())
                        .param("status", seen.status().dbValue())
                        .param("seen", seen.updatedAt())
                        .update()
                == 1;
    }

    /** Keeps the first answer so the same Idempotency-Key replays it. */
    public void recordAnswer(String id, String responseBody) {
        jdbc.sql("UPDATE purchases SET response_body = :body WHERE id = :id AND response_body IS NULL")
                .param("body", responseBody)
                .param("id", id)
                .update();
    }

    static Purchase map(ResultSet rs, int row) throws SQLException {
        return new Purchase(
                rs.getString("id"),
                rs.getString("user_id"),
                rs.getString("package_id"),
                rs.getLong("seconds"),
                rs.getLong("amount_cents"),
                rs.getString("currency"),
                PurchaseStatus.fromDb(rs.getString("status")),
                rs.getString("provider"),
                rs.getString("payment_intent_id"),
                rs.getString("idempotency_key"),
                rs.getString("request_hash"),
                rs.getString("client_secret"),
                rs.getLong("refunded_cents"),
                rs.getLong("taken_back_seconds"),
                rs.getString("charge_id"),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                rs.getString("response_body"),
                rs.getLong("created_at"),
                rs.getLong("updated_at"),
                rs.getObject("succeeded_at") == null ? null : rs.getLong("succeeded_at"));
    }
}
