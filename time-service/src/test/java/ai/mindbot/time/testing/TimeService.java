package ai.mindbot.time.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;

/** The time-service started for real on a fresh database, with helpers to talk to it as users, admins and Stripe. */
public final class TimeService implements AutoCloseable {

    public static final String WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

    public final RunningService service;
    public final Http http;

    private TimeService(RunningService service) {
        this.service = service;
        this.http = new Http(service.baseUrl());
    }

    public static TimeService start(TestDatabase database) {
        return start(database, Map.of());
    }

    public static TimeService start(TestDatabase database, Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(database.freshProperties());
        properties.put("JWT_SECRET", Tokens.JWT_SECRET);
        properties.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        properties.putAll(overrides);
        return new TimeService(RunningService.start(TimeServiceApplication.builder(), properties));
    }

    public <T> T bean(Class<T> type) {
        return service.context().getBean(type);
    }

    public Http.Response purchase(String userId, String packageId, String paymentMethod) {
        return http.post("/time/purchase", Map.of("package_id", packageId, "payment_method_id", paymentMethod),
                Tokens.user(userId));
    }

    public Http.Response purchase(String userId, String packageId, String paymentMethod, String idempotencyKey) {
        return http.send("POST", "/time/purchase",
                Http.json(Map.of("package_id", packageId, "payment_method_id", paymentMethod)), Tokens.user(userId),
                Map.of("Idempotency-Key", idempotencyKey));
    }

    /** Delivers an event signed with the service's webhook secret. */
    public Http.Response webhook(String payload) {
        return http.send("POST", "/webhooks/stripe", payload, null,
                Map.of("Stripe-Signature", StripeSignatures.header(WEBHOOK_SECRET, payload)));
    }

    public Http.Response webhookOk(String payload) {
        Http.Response response = webhook(payload);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    public long balance(String userId) {
        Http.Response response = http.get("/time/balance", Tokens.user(userId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("balance_seconds").asLong();
    }

    @Override
    public void close() {
        service.close();
    }
}
