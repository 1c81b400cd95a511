package ai.mindbot.time;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.ServiceSettings;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.notify.OutboxDelivery;
import ai.mindbot.time.session.SessionSweeper;
import ai.mindbot.time.testing.HandMovedClock;
import ai.mindbot.time.testing.OnBothDatabases;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What /metrics tells an operator about work left waiting (deploy/prometheus/alerts.yml alerts on it):
 * a purchase Stripe never answered, a notice not yet mailed, a session whose agent went silent.
 */
// Stripe unreachable (nothing listens on port 1) leaves a purchase unconfirmed; delivery and sweeps
// run only when the test says
@HandMovedClock
@ServiceSettings({
    "STRIPE_SECRET_KEY=sk_test_unreachable",
    "STRIPE_API_BASE=http://127.0.0.1:1",
    "LOW_BALANCE_THRESHOLD_SECONDS=900",
    "SESSION_SLICE_SECONDS=60"
})
class BacklogMetricsIT extends OnBothDatabases {

    static final String STUCK_PURCHASES = "mindbot_purchases_pending_oldest_seconds";
    static final String OUTBOX_PENDING = "mindbot_notify_outbox_pending";
    static final String OUTBOX_OLDEST = "mindbot_notify_outbox_oldest_pending_seconds";
    static final String SWEEPER_LAG = "mindbot_sessions_lapsed_oldest_seconds";

    @Test
    void reportsWaitingWorkByAgeUntilItIsDone() {
        assertThat(scrape(STUCK_PURCHASES)).isZero();
        assertThat(scrape(OUTBOX_PENDING)).isZero();
        assertThat(scrape(OUTBOX_OLDEST)).isZero();
        assertThat(scrape(SWEEPER_LAG)).isZero();

        Http.Response purchase = time.http.post(
                "/time/purchase",
                Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"),
                Tokens.user("701"));
        assertThat(purchase.status()).as(purchase.body()).isEqualTo(503);

        // 59 s of talk takes 950 s under the 900 s line: a low-balance notice goes to the outbox
        time.grant("702", 950);
        String email = "user702@mindbot.test";
        Http.Response started =
                time.http.post("/time/sessions", Map.of("room_name", "room-702"), Tokens.user("702", email));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String session = started.json().get("session_id").asString();
        time.clock.advance(Duration.ofSeconds(59));
        assertThat(time.http
                        .post("/time/sessions/" + session + "/heartbeat", "", Tokens.user("702", email))
                        .status())
                .isEqualTo(200);
        long lapsesAt = time.jdbc()
                .sql("SELECT expires_at FROM voice_sessions WHERE id = :id")
                .param("id", session)
                .query(Long.class)
                .single();

        time.clock.advance(Duration.ofSeconds(541)); // the agent went silent; ten minutes since the purchase

        assertThat(scrape(STUCK_PURCHASES)).isEqualTo(600);
        assertThat(scrape(OUTBOX_PENDING)).isEqualTo(1);
        assertThat(scrape(OUTBOX_OLDEST)).isEqualTo(541);
        assertThat(scrape(SWEEPER_LAG))
                .isEqualTo((time.clock.millis() - lapsesAt) / 1000.0)
                .isPositive();

        assertThat(time.bean(SessionSweeper.class).sweep()).isEqualTo(1);
        assertThat(time.bean(OutboxDelivery.class).deliverDue()).isEqualTo(1);

        assertThat(scrape(SWEEPER_LAG)).isZero();
        assertThat(scrape(OUTBOX_PENDING)).isZero();
        assertThat(scrape(OUTBOX_OLDEST)).isZero();
        assertThat(scrape(STUCK_PURCHASES)).isEqualTo(600); // only Stripe's answer (or the janitor) settles it
        assertThat(time.auditMismatches()).isEmpty();
    }

    /** One unlabelled sample from GET /metrics, as Prometheus scrapes it. */
    static double scrape(String name) {
        Http.Response metrics = time.http.get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        Matcher sample = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(metrics.body());
        assertThat(sample.find()).as("%s in%n%s", name, metrics.body()).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
