package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.TimeService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;

/** The real Stripe client pointed at a closed port: 503, nothing credited, and a retry is safe. */
class StripeUnreachableIT extends OnBothDatabases {

    static TimeService time;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        int closedPort = FreePort.pick();
        time = TimeService.start(
                database,
                Map.of(
                        "STRIPE_SECRET_KEY",
                        "sk_test_unreachable",
                        "STRIPE_API_BASE",
                        "http://127.0.0.1:" + closedPort));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
        time.close();
    }

    @Test
    void answers503CreditsNothingAndTheSameKeyCanRetry() {
        Http.Response first = time.purchase("501", "starter_1h", "pm_card_visa", "retry-501");
        Http.Response retry = time.purchase("501", "starter_1h", "pm_card_visa", "retry-501");

        for (Http.Response response : new Http.Response[] {first, retry}) {
            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("code").asString()).isEqualTo("payments_unavailable");
            assertThat(response.header("Retry-After")).isEqualTo("5");
        }
        assertThat(time.balance("501")).isZero();
        assertThat(time.bean(Purchases.class).ofUser("501"))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PurchaseStatus.UNCONFIRMED));
    }

    @Test
    void healthSaysStripe() {
        assertThat(time.http
                        .get("/health")
                        .json()
                        .path("components")
                        .path("payments")
                        .path("details")
                        .path("mode")
                        .asString())
                .isEqualTo("stripe");
        assertThat(time.purchase("502", "starter_1h", "pm_card_visa").json().has("simulated"))
                .isFalse();
    }
}
