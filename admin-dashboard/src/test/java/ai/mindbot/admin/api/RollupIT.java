package ai.mindbot.admin.api;

import static ai.mindbot.admin.api.BusinessFixture.noon;
import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.support.AdminUnderTest;
import ai.mindbot.admin.support.Business;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.Tokens;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Figures read through the rollups stay exact as the past changes the ways it can: sessions end, purchases succeed late or are refunded. */
class RollupIT extends OnBothDatabases {

    AdminUnderTest admin;

    @AfterEach
    void stop() {
        admin.close();
    }

    /** The dashboard over a business whose one customer, Ada, signed up ten days ago; {@code history} adds hers. */
    private void startWithAda(long now, BiConsumer<Business, String> history) {
        admin = AdminUnderTest.start(database, b -> {
            String ada = b.user("ada@example.com", "Ada", now - 10 * Business.DAY);
            b.account(ada, 0, 0, now);
            history.accept(b, ada);
        });
    }

    /** The {@code usage} or {@code revenue} figures of the last 30 days, as the dashboard reads them. */
    private JsonNode last30Days(String figures) {
        return admin.http
                .get("/admin/analytics/" + figures + "?days=30", Tokens.admin("1", "root@mindbot.test"))
                .json();
    }

    @Test
    void aClosedDaysSessionThatEndsLaterIsCountedWithItsFinalSeconds() {
        long now = System.currentTimeMillis();
        long today = Math.floorDiv(now, Business.DAY);
        String[] stuck = new String[1];
        startWithAda(now, (b, ada) -> {
            b.endedSession(ada, noon(today - 3), 600);
            stuck[0] = b.liveSession(ada, noon(today - 2), 100);
        });
        Business b = admin.business;

        JsonNode before = last30Days("usage");
        assertThat(before.get("total_sessions").asLong()).isEqualTo(2);
        assertThat(before.get("total_seconds_used").asLong()).isEqualTo(700);
        assertThat(before.get("active_users").asLong()).isEqualTo(1);
        assertThat(before.get("daily_usage").get(27).get("seconds_used").asLong())
                .isEqualTo(100);

        b.time()
                .sql("UPDATE voice_sessions SET status = 'ended', used_seconds = 400, ended_at = :at WHERE id = :id")
                .param("at", now)
                .param("id", stuck[0])
                .update();
        String bob = b.user("bob@example.com", "Bob", now);
        b.account(bob, 0, 0, now);
        b.liveSession(bob, now - 100, 5);

        JsonNode after = last30Days("usage");
        assertThat(after.get("total_sessions").asLong()).isEqualTo(3);
        assertThat(after.get("total_seconds_used").asLong()).isEqualTo(600 + 400 + 5);
        assertThat(after.get("daily_usage").get(27).get("seconds_used").asLong())
                .isEqualTo(400);
        assertThat(after.get("active_users").asLong()).isEqualTo(2);
        assertThat(last30Days("usage")).isEqualTo(after); // a further refresh changes nothing
    }

    @Test
    void aClosedDaysPurchaseRefundedOrPaidLaterChangesItsDay() {
        long now = System.currentTimeMillis();
        long today = Math.floorDiv(now, Business.DAY);
        String[] ids = new String[2];
        startWithAda(now, (b, ada) -> {
            ids[0] = b.paidPurchase(ada, "basic_5h", 18000, 3999, 0, noon(today - 4));
            ids[1] = b.pendingPurchase(ada, "starter_1h", 3600, 999, noon(today - 3));
        });
        JsonNode before = last30Days("revenue");
        assertThat(before.get("total_revenue_cents").asLong()).isEqualTo(3999);
        assertThat(before.get("total_transactions").asLong()).isEqualTo(1);

        admin.business
                .time()
                .sql(
                        "UPDATE purchases SET refunded_cents = 1500, status = 'refunded', updated_at = :now WHERE id = :id")
                .param("now", now)
                .param("id", ids[0])
                .update();
        admin.business
                .time()
                .sql("UPDATE purchases SET status = 'succeeded', succeeded_at = :now, updated_at = :now WHERE id = :id")
                .param("now", now)
                .param("id", ids[1])
                .update();

        JsonNode after = last30Days("revenue");
        assertThat(after.get("total_revenue_cents").asLong()).isEqualTo(3999 - 1500 + 999);
        assertThat(after.get("refunded_cents").asLong()).isEqualTo(1500);
        assertThat(after.get("total_transactions").asLong()).isEqualTo(2);
        assertThat(after.get("daily_revenue").get(25).get("revenue_cents").asLong())
                .isEqualTo(2499);
        assertThat(after.get("daily_revenue").get(26).get("revenue_cents").asLong())
                .isEqualTo(999);
    }
}
