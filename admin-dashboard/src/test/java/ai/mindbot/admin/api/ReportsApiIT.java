package ai.mindbot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The read side: analytics, dashboard, users, per-user reports and CSV exports, on both databases. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsApiIT extends DashboardOnBothDatabases {

    static final String TOKEN = Tokens.admin("900", "root@mindbot.test");

    private static JsonNode get(String path) {
        Http.Response r = admin.http.get(path, TOKEN);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void revenueOverThirtyDaysIsNetOfRefundsWhichAreShown() {
        JsonNode revenue = get("/admin/analytics/revenue?days=30");
        assertThat(revenue.get("total_revenue_cents").asLong()).isEqualTo(BusinessFixture.NET_30);
        assertThat(revenue.get("gross_revenue_cents").asLong()).isEqualTo(BusinessFixture.GROSS_30);
        assertThat(revenue.get("refunded_cents").asLong()).isEqualTo(BusinessFixture.REFUNDED_30);
        assertThat(revenue.get("refunded_transactions").asLong()).isEqualTo(1);
        assertThat(revenue.get("total_transactions").asLong()).isEqualTo(3);
        assertThat(revenue.get("avg_transaction_cents").asLong()).isEqualTo(BusinessFixture.NET_30 / 3);

        JsonNode daily = revenue.get("daily_revenue");
        assertThat(daily.size()).isEqualTo(30);
        assertThat(daily.get(29).get("date").asString())
                .isEqualTo(LocalDate.ofEpochDay(data.today).toString());
        assertThat(daily.get(29).get("revenue_cents").asLong()).isEqualTo(999);
        assertThat(daily.get(28).get("revenue_cents").asLong()).isEqualTo(2999);
        assertThat(daily.get(28).get("refunded_cents").asLong()).isEqualTo(1000);
        assertThat(daily.get(27).get("revenue_cents").asLong()).isEqualTo(999);
        assertThat(daily.get(0).get("revenue_cents").asLong()).isZero();

        List<String> packages = new ArrayList<>();
        revenue.get("package_stats")
                .forEach(p -> packages.add(p.get("package_id").asString() + "="
                        + p.get("transactions").asLong() + "/"
                        + p.get("revenue_cents").asLong()));
        assertThat(packages).containsExactly("basic_5h=1/2999", "starter_1h=2/1998");
    }

    @Test
    void revenueOfOneDayIsToday() {
        JsonNode revenue = get("/admin/analytics/revenue?days=1");
        assertThat(revenue.get("total_revenue_cents").asLong()).isEqualTo(999);
        assertThat(revenue.get("total_transactions").asLong()).isEqualTo(1);
        assertThat(revenue.get("daily_revenue").size()).isEqualTo(1);
    }

    @Test
    void usageCountsEndedAndLiveSessionsOfTheWindow() {
        JsonNode usage = get("/admin/analytics/usage?days=30");
        assertThat(usage.get("active_users").asLong()).isEqualTo(2);
        assertThat(usage.get("total_sessions").asLong()).isEqualTo(4);
        assertThat(usage.get("total_seconds_used").asLong()).isEqualTo(1800 + 600 + 60 + 30);
        assertThat(usage.get("total_hours_used").decimalValue()).isEqualByComparingTo("0.7");
        assertThat(usage.get("avg_session_minutes").decimalValue()).isEqualByComparingTo("10.4");
        JsonNode daily = usage.get("daily_usage");
        assertThat(daily.size()).isEqualTo(30);
        assertThat(daily.get(29).get("sessions").asLong()).isEqualTo(2);
        assertThat(daily.get(29).get("seconds_used").asLong()).isEqualTo(90);
        assertThat(daily.get(26).get("seconds_used").asLong()).isEqualTo(1800);

        JsonNode today = get("/admin/analytics/usage?days=1");
        assertThat(today.get("active_users").asLong()).isEqualTo(1);
        assertThat(today.get("total_sessions").asLong()).isEqualTo(2);

        JsonNode year = get("/admin/analytics/usage?days=365");
        assertThat(year.get("total_sessions").asLong()
                        - usage.get("total_sessions").asLong())
                .isEqualTo(1);
        assertThat(year.get("daily_usage").get(364 - 50).get("seconds_used").asLong())
                .isEqualTo(1000);
    }

    @Test
    @Order(Integer.MAX_VALUE) // adds data; the exact figures above are checked before it
    void newPurchasesAndSessionsShowAtOnce() {
        JsonNode revenueBefore = get("/admin/analytics/revenue?days=7");
        JsonNode usageBefore = get("/admin/analytics/usage?days=7");
        String newcomer = admin.business.user(
                "new-" + System.nanoTime() + "@example.com", "New Comer", System.currentTimeMillis());
        admin.business.account(newcomer, 0, 0, System.currentTimeMillis());
        admin.business.paidPurchase(newcomer, "starter_1h", 3600, 999, 0, System.currentTimeMillis() - 10);
        admin.business.endedSession(newcomer, System.currentTimeMillis() - 10, 120);

        JsonNode revenueAfter = get("/admin/analytics/revenue?days=7");
        JsonNode usageAfter = get("/admin/analytics/usage?days=7");
        assertThat(revenueAfter.get("total_revenue_cents").asLong()
                        - revenueBefore.get("total_revenue_cents").asLong())
                .isEqualTo(999);
        assertThat(usageAfter.get("total_sessions").asLong()
                        - usageBefore.get("total_sessions").asLong())
                .isEqualTo(1);
        assertThat(usageAfter.get("active_users").asLong()
                        - usageBefore.get("active_users").asLong())
                .isEqualTo(1);
        assertThat(usageAfter.get("total_seconds_used").asLong()
                        - usageBefore.get("total_seconds_used").asLong())
                .isEqualTo(120);
    }

    @ParameterizedTest
    @ValueSource(strings = {"days=0", "days=366", "days=-1", "days=abc", "days="})
    void refusesAWindowOutsideOneToThreeSixtyFiveDays(String query) {
        for (String report : List.of("revenue", "usage")) {
            Http.Response r = admin.http.get("/admin/analytics/" + report + "?" + query, TOKEN);
            assertThat(r.status()).as(report + "?" + query).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void dashboardGivesTheOverviewAndAlerts() {
        JsonNode d = get("/admin/dashboard");
        assertThat(d.get("users_total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(d.get("revenue_30d_cents").asLong()).isGreaterThanOrEqualTo(BusinessFixture.NET_30);
        assertThat(d.get("revenue_today_cents").asLong()).isGreaterThanOrEqualTo(999);
        assertThat(d.get("live_sessions").asLong()).isEqualTo(1);
        assertThat(d.get("live").get(0).get("id").asString()).isEqualTo(data.bobLiveSession);
        assertThat(d.get("recent_purchases").size()).isBetween(1, 10);
        List<String> alertKinds = new ArrayList<>();
        d.get("alerts").forEach(a -> alertKinds.add(a.get("kind").asString()));
        assertThat(alertKinds).contains("failed_payment", "refund");
    }

    @Test
    void listsUsersWithBalanceSpendAndLastActivity() {
        JsonNode page = get("/admin/users?q=ada@EXAMPLE");
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode ada = page.get("users").get(0);
        assertThat(ada.get("id").asString()).isEqualTo(data.ada);
        assertThat(ada.get("full_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(ada.get("balance_seconds").asLong()).isEqualTo(7200);
        assertThat(ada.get("total_spent_cents").asLong()).isEqualTo(3999 + 999 + 3999 - 1000);
        assertThat(ada.get("last_activity_at").asLong()).isEqualTo(BusinessFixture.noon(data.today - 1) + 600_000);

        JsonNode bob = get("/admin/users?q=" + data.bob).get("users").get(0);
        assertThat(bob.get("email").asString()).isEqualTo("bob@example.com");
        assertThat(bob.get("available_seconds").asLong()).isEqualTo(300);
        assertThat(get("/admin/users?q=builder").get("users").get(0).get("id").asString())
                .isEqualTo(data.bob);
        assertThat(get("/admin/users?q=%25").get("total").asLong()).isZero(); // a literal %, not a wildcard
    }

    @ParameterizedTest
    @ValueSource(strings = {"%00", "a%00", "%07", "%7F", "%C2%85", "%E2%80%AE", "%E2%80%8B"})
    void refusesControlAndInvisibleCharactersInASearch(String q) {
        Http.Response r = admin.http.get("/admin/users?q=" + q, TOKEN);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("invalid_query");
    }

    @Test
    void pagesThroughUsersNewestFirst() {
        JsonNode first = get("/admin/users?limit=2&offset=0");
        JsonNode second = get("/admin/users?limit=2&offset=2");
        assertThat(first.get("users").size()).isEqualTo(2);
        assertThat(first.get("total").asLong())
                .isEqualTo(second.get("total").asLong())
                .isGreaterThanOrEqualTo(3);
        long a = first.get("users").get(0).get("id").asLong();
        long b = first.get("users").get(1).get("id").asLong();
        long c = second.get("users").get(0).get("id").asLong();
        assertThat(a).isGreaterThan(b);
        assertThat(b).isGreaterThan(c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=201", "offset=-1", "limit=x"})
    void refusesBadPaging(String query) {
        assertThat(admin.http.get("/admin/users?" + query, TOKEN).status()).isEqualTo(400);
        assertThat(admin.http.get("/admin/audit?" + query, TOKEN).status()).isEqualTo(400);
    }

    @Test
    void reportsOneUserInFull() {
        admin.business.disableLogin(data.cy, System.currentTimeMillis());
        JsonNode report = get("/admin/reports/user/" + data.ada);
        assertThat(report.get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(report.get("account").get("balance_seconds").asLong()).isEqualTo(7200);
        assertThat(report.get("purchases").size()).isEqualTo(3);
        assertThat(report.get("sessions").size()).isEqualTo(3);
        assertThat(report.get("ledger").size()).isEqualTo(2);
        assertThat(report.get("ledger").get(0).get("kind").asString()).isEqualTo("session_usage");

        JsonNode cy = get("/admin/reports/user/" + data.cy).get("user");
        assertThat(cy.get("disabled").asBoolean()).isTrue();
        assertThat(cy.get("login_disabled").asBoolean()).isTrue();
        assertThat(cy.get("sessions_disabled").asBoolean()).isFalse();
    }

    @Test
    void reportsAUserAtThePathBesideTheOtherPerUserPathsAndAtTheGuidesPath() {
        JsonNode primary = get("/admin/users/" + data.ada + "/report");
        assertThat(primary.get("user").get("email").asString()).isEqualTo("ada@example.com");
        assertThat(primary).isEqualTo(get("/admin/reports/user/" + data.ada));
        assertThat(admin.http.get("/admin/users/999999/report", TOKEN).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"999999", "abc", "1e3"})
    void answers404ForAnUnknownUser(String id) {
        Http.Response r = admin.http.get("/admin/reports/user/" + id, TOKEN);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("code").asString()).isEqualTo("not_found");
    }

    @Test
    void exportsPurchasesAndSessionsOfADateRangeAsCsv() {
        String from = LocalDate.ofEpochDay(data.today - 2).toString();
        String to = LocalDate.ofEpochDay(data.today - 1).toString();
        Http.Response purchases = admin.http.get("/admin/export/purchases.csv?from=" + from + "&to=" + to, TOKEN);
        assertThat(purchases.status()).isEqualTo(200);
        assertThat(purchases.contentType()).startsWith("text/csv");
        assertThat(purchases.header("content-disposition")).contains("purchases-" + from + "-to-" + to + ".csv");
        String[] lines = purchases.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,user_id,package_id,seconds,amount_cents,refunded_cents");
        assertThat(lines).hasSize(3);
        assertThat(lines[2])
                .startsWith(data.adaRefundedPurchase + "," + data.ada + ",basic_5h,18000,3999,1000,usd,refunded");

        Http.Response sessions = admin.http.get("/admin/export/sessions.csv?from=" + from + "&to=" + to, TOKEN);
        String[] rows = sessions.body().split("\r\n");
        assertThat(rows[0])
                .isEqualTo("id,user_id,room_name,status,started_at,ended_at,used_seconds,billed_seconds,end_reason");
        assertThat(rows).hasSize(2);
        assertThat(rows[1])
                .contains(",600,600,user_left")
                .contains(Instant.ofEpochMilli(BusinessFixture.noon(data.today - 1))
                        .toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "from=2024-13-01&to=2024-12-31",
                "from=2024-02-30&to=2024-03-01",
                "from=yesterday&to=2024-01-01",
                "to=2024-01-01",
                "from=2024-01-02&to=2024-01-01",
                "from=2000-01-01&to=2030-01-01"
            })
    void refusesBadDateRanges(String query) {
        for (String what : List.of("purchases", "sessions")) {
            Http.Response r = admin.http.get("/admin/export/" + what + ".csv?" + query, TOKEN);
            assertThat(r.status()).as(what + "?" + query).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
    }
}
