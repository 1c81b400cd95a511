package ai.mindbot.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.AdminDashboardApplication;
import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.OnBothDatabases;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.TimeServiceApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import tools.jackson.databind.JsonNode;

/**
 * The issue's "done when", with the real auth and time services beside the dashboard on one
 * database: a user buys a time card, the admin signs in through the panel's login, sees the sale,
 * grants an hour that shows in the user's own balance, and disables then enables the user.
 */
class RealServicesIT extends OnBothDatabases {

    static RunningService auth;
    static RunningService time;
    static RunningService admin;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        Map<String, String> properties = new HashMap<>(database.freshProperties());
        properties.put("JWT_SECRET", Tokens.SECRET);
        properties.put("ADMIN_USERS", "boss@mindbot.test");
        properties.put("ADMIN_DB_PATH", properties.get("MINDBOT_DATA_DIR") + "/mindbot_admin.db");
        auth = RunningService.start(AuthServiceApplication.builder(), properties);
        properties.put("AUTH_SERVICE_URL", auth.baseUrl()); // the time service asks auth whether users exist
        time = RunningService.start(TimeServiceApplication.builder(), properties);
        properties.put("TIME_SERVICE_URL", time.baseUrl());
        properties.put("mindbot.admin.rollup-interval", "0s");
        admin = RunningService.start(AdminDashboardApplication.builder(), properties);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        admin.close();
        time.close();
        auth.close();
    }

    @Test
    void anAdminSeesASaleGrantsAnHourAndDisablesAUser() {
        Http authApi = new Http(auth.baseUrl());
        Http timeApi = new Http(time.baseUrl());
        Http adminApi = new Http(admin.baseUrl());
        assertThat(authApi.post(
                                "/auth/register",
                                Map.of(
                                        "email",
                                        "boss@mindbot.test",
                                        "password",
                                        "boss-password-1",
                                        "full_name",
                                        "The Boss"))
                        .status())
                .isEqualTo(201);
        Http.Response ann = authApi.post(
                "/auth/register",
                Map.of("email", "ann@example.com", "password", "ann-password-1", "full_name", "Ann Example"));
        assertThat(ann.status()).isEqualTo(201);
        String annToken = ann.json().get("access_token").asString();
        Http.Response bought = timeApi.post(
                "/time/purchase", Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"), annToken);
        assertThat(bought.status()).as(bought.body()).isBetween(200, 201);
        long price = 0;
        for (JsonNode p : timeApi.get("/time/pricing").json().get("packages")) {
            if (p.get("id").asString().equals("starter_1h")) {
                price = p.get("price_cents").asLong();
            }
        }

        Http.Response login = adminApi.post(
                "/admin/session/login", Map.of("email", "boss@mindbot.test", "password", "boss-password-1"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        String boss = login.json().get("access_token").asString();
        assertThat(adminApi.post(
                                "/admin/session/login",
                                Map.of("email", "ann@example.com", "password", "ann-password-1"))
                        .status())
                .isEqualTo(403);

        assertThat(adminApi.get("/admin/analytics/revenue?days=1", boss)
                        .json()
                        .get("total_revenue_cents")
                        .asLong())
                .isEqualTo(price)
                .isPositive();
        JsonNode annRow =
                adminApi.get("/admin/users?q=ann@", boss).json().get("users").get(0);
        String annId = annRow.get("id").asString();
        assertThat(annRow.get("balance_seconds").asLong()).isEqualTo(3600);

        Http.Response grant = adminApi.send(
                "POST",
                "/admin/users/" + annId + "/grant",
                Http.json(Map.of("seconds", 3600, "reason", "welcome hour")),
                boss,
                Map.of("Idempotency-Key", "welcome-ann"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        assertThat(timeApi.get("/time/balance", annToken)
                        .json()
                        .get("balance_seconds")
                        .asLong())
                .isEqualTo(7200);
        JsonNode report = adminApi.get("/admin/reports/user/" + annId, boss).json();
        assertThat(report.get("account").get("balance_seconds").asLong()).isEqualTo(7200);
        assertThat(report.get("ledger").get(0).get("kind").asString()).isEqualTo("admin_grant");

        Http.Response disable =
                adminApi.post("/admin/users/" + annId + "/disable", Map.of("reason", "fraud check"), boss);
        assertThat(disable.status()).as(disable.body()).isEqualTo(200);
        assertThat(authApi.post("/auth/login", Map.of("email", "ann@example.com", "password", "ann-password-1"))
                        .status())
                .isBetween(400, 499);
        assertThat(adminApi.get("/admin/reports/user/" + annId, boss)
                        .json()
                        .get("user")
                        .get("disabled")
                        .asBoolean())
                .isTrue();
        assertThat(adminApi.post("/admin/users/" + annId + "/enable", Map.of("reason", "cleared"), boss)
                        .status())
                .isEqualTo(200);
        assertThat(authApi.post("/auth/login", Map.of("email", "ann@example.com", "password", "ann-password-1"))
                        .status())
                .isEqualTo(200);

        JsonNode audit = adminApi.get("/admin/audit?limit=3", boss).json().get("entries");
        assertThat(audit)
                .extracting(
                        e -> e.get("action").asString() + ":" + e.get("outcome").asString())
                .containsExactly("enable_user:succeeded", "disable_user:succeeded", "grant_time:succeeded");
    }
}
