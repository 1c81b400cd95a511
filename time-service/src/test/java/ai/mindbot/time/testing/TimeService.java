package ai.mindbot.time.testing;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.TimeServiceApplication;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.ledger.NewEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The time service started for real on a fresh database, the one harness of this module's tests:
 * with helpers to talk to it as users, admins and Stripe, and to read what it stored. Started
 * either on the real clock ({@link #start}) or on a clock the test moves by hand
 * ({@link #onHandMovedClock}), with the background sweeps out of the way.
 */
public final class TimeService implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

    public final RunningService service;
    public final Http http;
    /** The hand-moved clock; null when the service runs on the real clock. */
    public final MutableClock clock;

    private TimeService(RunningService service, MutableClock clock) {
        this.service = service;
        this.http = new Http(service.baseUrl());
        this.clock = clock;
    }

    public static TimeService start(TestDatabase database) {
        return start(database, Map.of());
    }

    public static TimeService start(TestDatabase database, Map<String, String> overrides) {
        return new TimeService(
                RunningService.start(
                        TimeServiceApplication.builder(), properties(database.freshProperties(), overrides)),
                null);
    }

    /**
     * On a {@link MutableClock} the test moves by hand, with session sweeps, outbox polls and the
     * purchase janitor effectively off: tests run them by hand unless their overrides say otherwise.
     */
    public static TimeService onHandMovedClock(TestDatabase database, Map<String, String> overrides) {
        return onHandMovedClock(database.freshProperties(), overrides);
    }

    /** On a database given by {@code databaseProperties}, e.g. one that another instance already uses. */
    public static TimeService onHandMovedClock(Map<String, String> databaseProperties, Map<String, String> overrides) {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        Map<String, String> manualJobs = new HashMap<>();
        manualJobs.put("SESSION_SWEEP_SECONDS", "3600");
        manualJobs.put("NOTIFY_POLL_MILLIS", "3600000");
        manualJobs.put("PURCHASE_JANITOR_SECONDS", "3600");
        manualJobs.putAll(overrides);
        return new TimeService(onClock(clock, properties(databaseProperties, manualJobs)), clock);
    }

    /** The bare service on any clock (the benchmarks' fast one), with exactly these properties. */
    public static RunningService onClock(Clock clock, Map<String, String> properties) {
        return RunningService.start(
                TimeServiceApplication.builder()
                        .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock)),
                properties);
    }

    /** The properties every test instance shares (the tests' JWT and webhook secrets), then the overrides. */
    public static Map<String, String> properties(
            Map<String, String> databaseProperties, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(databaseProperties);
        properties.put("JWT_SECRET", Tokens.SECRET);
        properties.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        properties.putAll(overrides);
        return properties;
    }

    public <T> T bean(Class<T> type) {
        return service.context().getBean(type);
    }

    public JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

    public Http.Response purchase(String userId, String packageId, String paymentMethod) {
        return http.post(
                "/time/purchase",
                Map.of("package_id", packageId, "payment_method_id", paymentMethod),
                Tokens.user(userId));
    }

    public Http.Response purchase(String userId, String packageId, String paymentMethod, String idempotencyKey) {
        return http.send(
                "POST",
                "/time/purchase",
                Http.json(Map.of("package_id", packageId, "payment_method_id", paymentMethod)),
                Tokens.user(userId),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /**
     * Delivers an event signed with the service's webhook secret, stamped at the service's own time
     * (its hand-moved clock's, if it has one), so the signature is always within tolerance.
     */
    public Http.Response webhook(String payload) {
        long now = (clock == null ? System.currentTimeMillis() : clock.millis()) / 1000;
        return http.send(
                "POST",
                "/webhooks/stripe",
                payload,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(WEBHOOK_SECRET, payload, now)));
    }

    public Http.Response webhookOk(String payload) {
        Http.Response response = webhook(payload);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** The balance as the user sees it over HTTP. */
    public long balance(String userId) {
        Http.Response response = http.get("/time/balance", Tokens.user(userId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("balance_seconds").asLong();
    }

    /** Seeds a balance the way a purchase would: through the ledger. */
    public void grant(String userId, long seconds) {
        bean(Ledger.class)
                .post(NewEntry.of(
                        userId,
                        EntryKind.ADMIN_GRANT,
                        seconds,
                        Cause.adminAction("seed-" + userId + "-" + UUID.randomUUID())));
    }

    /** The balance as the accounts row stores it. */
    public long storedBalance(String userId) {
        return jdbc().sql("SELECT balance_seconds FROM accounts WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    public long reserved(String userId) {
        return jdbc().sql("SELECT reserved_seconds FROM accounts WHERE user_id = :u")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    public List<LedgerAudit.Mismatch> auditMismatches() {
        return bean(LedgerAudit.class).mismatches();
    }

    @Override
    public void close() {
        service.close();
    }
}
