package ai.mindbot.time.payment;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.payment.simulator.SimulatedPaymentProvider;
import ai.mindbot.time.testing.HandMovedClock;
import ai.mindbot.time.testing.OnBothDatabases;
import ai.mindbot.time.testing.StripeEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The purchase janitor with the payment simulator: a payment decided at the provider whose webhook
 * never came is settled once, whichever of the janitor and a late webhook comes first.
 */
@HandMovedClock
class PurchaseJanitorIT extends OnBothDatabases {

    /** Past PURCHASE_STUCK_SECONDS (600 by default). */
    static final Duration STUCK = Duration.ofMinutes(11);

    /** A purchase waiting for 3-D Secure; the answer's PaymentIntent and purchase ids. */
    static Purchase awaitingAuthentication(String userId) {
        Http.Response answer = time.http.post(
                "/time/purchase",
                Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_authenticationRequired"),
                Tokens.user(userId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("requires_action");
        return purchase(answer.json().path("purchase_id").asString());
    }

    static Purchase purchase(String id) {
        return time.bean(Purchases.class).find(id).orElseThrow();
    }

    static SimulatedPaymentProvider simulator() {
        return (SimulatedPaymentProvider) time.bean(PaymentProvider.class);
    }

    static int janitor() {
        return time.bean(PurchaseJanitor.class).settleStuck();
    }

    static String webhook(String payload) {
        return time.webhookOk(payload).json().path("outcome").asString();
    }

    static long credits(String userId) {
        return time.jdbc()
                .sql("SELECT COUNT(*) FROM ledger_entries WHERE user_id = :u AND kind = 'purchase_credit'")
                .param("u", userId)
                .query(Long.class)
                .single();
    }

    @Test
    void creditsAPaymentWhoseWebhookWasLost() {
        Purchase pending = awaitingAuthentication("7001");
        assertThat(simulator().completeAuthentication(pending.paymentIntentId(), true))
                .isTrue();

        assertThat(janitor()).isZero(); // young: its webhook may still come
        assertThat(time.storedBalance("7001")).isZero();

        time.clock.advance(STUCK);
        assertThat(janitor()).isEqualTo(1);

        Purchase settled = purchase(pending.id());
        assertThat(settled.status()).isEqualTo(PurchaseStatus.SUCCEEDED);
        assertThat(settled.chargeId()).isEqualTo(SimulatedPaymentProvider.chargeOf(pending.paymentIntentId()));
        assertThat(time.storedBalance("7001")).isEqualTo(3600);
        assertThat(time.jdbc()
                        .sql("SELECT actor FROM ledger_entries WHERE user_id = '7001' AND kind = 'purchase_credit'")
                        .query(String.class)
                        .single())
                .isEqualTo(PurchaseJanitor.SOURCE);

        // the lost webhook turns up after all, and the janitor runs again: nothing more
        assertThat(webhook(StripeEvents.succeeded(pending.paymentIntentId(), 999, "usd", pending.id())))
                .isEqualTo("already_credited");
        time.clock.advance(STUCK);
        assertThat(janitor()).isZero();
        assertThat(time.storedBalance("7001")).isEqualTo(3600);
        assertThat(credits("7001")).isEqualTo(1);
    }

    @Test
    void marksAPaymentThatFailedAtTheProviderFailed() {
        Purchase pending = awaitingAuthentication("7002");
        simulator().completeAuthentication(pending.paymentIntentId(), false);
        time.clock.advance(STUCK);

        assertThat(janitor()).isEqualTo(1);

        Purchase failed = purchase(pending.id());
        assertThat(failed.status()).isEqualTo(PurchaseStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("authentication_failed");
        assertThat(time.storedBalance("7002")).isZero();
    }

    @Test
    void leavesAPaymentStillPendingAloneAndAsksLessOften() {
        Purchase pending = awaitingAuthentication("7003");
        time.clock.advance(STUCK);
        Purchases purchases = time.bean(Purchases.class);

        janitor();
        assertThat(purchase(pending.id()).status()).isEqualTo(PurchaseStatus.REQUIRES_ACTION);
        assertThat(purchases.janitorChecks(pending.id())).isEqualTo(1);

        janitor(); // asked a moment ago: not again yet
        assertThat(purchases.janitorChecks(pending.id())).isEqualTo(1);
        time.clock.advance(Duration.ofSeconds(61));
        janitor();
        assertThat(purchases.janitorChecks(pending.id())).isEqualTo(2);
        time.clock.advance(Duration.ofSeconds(61)); // now it waits two minutes
        janitor();
        assertThat(purchases.janitorChecks(pending.id())).isEqualTo(2);
        time.clock.advance(Duration.ofSeconds(60));
        janitor();
        assertThat(purchases.janitorChecks(pending.id())).isEqualTo(3);

        // the customer authenticates at last; the janitor's next look credits it
        simulator().completeAuthentication(pending.paymentIntentId(), true);
        time.clock.advance(Duration.ofMinutes(4));
        assertThat(janitor()).isEqualTo(1);
        assertThat(time.storedBalance("7003")).isEqualTo(3600);
        assertThat(purchase(pending.id()).status()).isEqualTo(PurchaseStatus.SUCCEEDED);
    }

    @Test
    void neverCreditsTwiceWhenWebhooksAndJanitorsRace() throws Exception {
        List<Purchase> pending = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Purchase p = awaitingAuthentication("7004");
            simulator().completeAuthentication(p.paymentIntentId(), true);
            pending.add(p);
        }
        time.clock.advance(STUCK);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        try {
            for (Purchase p : pending) { // every webhook delivered twice, as Stripe may
                String payload = StripeEvents.succeeded(p.paymentIntentId(), 999, "usd", p.id());
                for (int copy = 0; copy < 2; copy++) {
                    racers.add(pool.submit(started(go, () -> webhook(payload))));
                }
            }
            for (int i = 0; i < 4; i++) {
                racers.add(pool.submit(started(go, PurchaseJanitorIT::janitor)));
            }
            go.countDown();
            for (Future<?> racer : racers) {
                racer.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(time.storedBalance("7004")).isEqualTo(8 * 3600);
        assertThat(credits("7004")).isEqualTo(8);
        assertThat(pending)
                .allSatisfy(p -> assertThat(purchase(p.id()).status()).isEqualTo(PurchaseStatus.SUCCEEDED));
    }

    private static <T> Callable<T> started(CountDownLatch go, Callable<T> racer) {
        return () -> {
            go.await();
            return racer.call();
        };
    }
}
