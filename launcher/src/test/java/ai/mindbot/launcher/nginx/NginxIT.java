package ai.mindbot.launcher.nginx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.launcher.RunningSystem;
import ai.mindbot.time.testing.StripeSignatures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The shipped deploy/nginx.conf, run by Debian's nginx with a certificate made for the test, in
 * front of the three real services: each route reaches the service that owns it, TLS with HSTS,
 * plain HTTP redirected, the request id handed to the service and back, the edge rate limit's 429
 * as a problem document, health for outsiders and admins, and the web app and the admin panel
 * working in Chromium through it.
 */
@Tag("e2e")
class NginxIT {

    static final String WEBHOOK_SECRET = "whsec_nginx_test_0123456789abcdef";
    static RunningSystem system;
    static EdgeProxy nginx;
    static Http edge;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> settings = RunningSystem.freshSettings(TestDatabase.SQLITE);
        settings.put("TRUST_PROXY", "true");
        settings.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
        system = RunningSystem.start(settings);
        nginx = EdgeProxy.start(system.port(0), system.port(1), system.port(2));
        edge = new Http(nginx.httpsUrl(), nginx.tls());
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        system.close();
    }

    @Test
    void eachPathReachesTheServiceThatOwnsIt() {
        // /auth/ → auth: an account, and its profile
        Http.Response registered = edge.post(
                "/auth/register",
                Map.of("email", "edge@example.com", "password", AuthServer.PASSWORD, "full_name", "Edge"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String token = registered.json().get("access_token").asString();
        assertThat(edge.get("/auth/me", token).json().get("email").asString()).isEqualTo("edge@example.com");

        // /time/ → time: prices, a purchase, the balance
        assertThat(edge.get("/time/pricing").body()).contains("starter_1h", "basic_5h");
        Http.Response bought = edge.post(
                "/time/purchase", Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa"), token);
        assertThat(bought.status()).as(bought.body()).isBetween(200, 201);
        assertThat(edge.get("/time/balance", token)
                        .json()
                        .get("balance_seconds")
                        .asLong())
                .isEqualTo(3600);

        // /webhooks/stripe → time, byte for byte: Stripe's signature over the raw body still verifies
        String event =
                "{\"id\":\"evt_through_nginx\",\"object\":\"event\",\"type\":\"customer.created\",\"data\":{\"object\":{}}}";
        Http.Response delivered = edge.send(
                "POST",
                "/webhooks/stripe",
                event,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(WEBHOOK_SECRET, event)));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        assertThat(delivered.json().get("received").asBoolean()).isTrue();

        // /admin/ → the dashboard's API, for admins only
        String admin = system.adminToken();
        assertThat(edge.get("/admin/dashboard", admin).json().has("users_total"))
                .isTrue();
        assertThat(edge.get("/admin/dashboard", token).status()).isEqualTo(403);

        // the web app at /, the admin panel at /admin/ with its files under /admin/assets/
        assertThat(edge.get("/").body()).contains("<title>MindBot</title>");
        assertThat(edge.get("/admin/").body()).contains("<title>MindBot Admin</title>");
        assertThat(edge.get("/admin/assets/app.js").body()).contains("import");
        assertThat(edge.get("/admin").header("location")).endsWith("/admin/");

        // health at the edge; metrics only on the internal network
        for (String path : List.of("/health", "/health/auth", "/health/time", "/health/admin")) {
            assertThat(edge.get(path).json().path("status").asString()).as(path).isEqualTo("UP");
        }
        Http.Response metrics = edge.get("/metrics");
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.contentType()).startsWith("application/problem+json");
    }

    @Test
    void servesTlsWithHstsAndRedirectsPlainHttp() {
        assertThat(edge.get("/time/pricing").header("strict-transport-security"))
                .isEqualTo("max-age=31536000");

        Http.Response redirected = new Http("http://127.0.0.1:" + nginx.httpPort).get("/time/pricing?currency=usd");
        assertThat(redirected.status()).isEqualTo(301);
        assertThat(redirected.header("location")).isEqualTo("https://127.0.0.1/time/pricing?currency=usd");
    }

    @Test
    void theRequestIdReachesTheServiceAndComesBack() throws Exception {
        // none given: nginx makes one (32 hex digits; a service would make a UUID), the service uses it
        Http.Response unauthorized = edge.get("/time/balance");
        String id = unauthorized.header("x-request-id");
        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(unauthorized.json().get("request_id").asString()).isEqualTo(id);
        assertThat(nginx.accessLog())
                .contains("\"GET /time/balance HTTP/2.0\" 401")
                .contains("request_id=" + id);

        // the caller's own id, when it is a sane one, goes through as it is
        Http.Response traced = edge.send("GET", "/auth/me", null, null, Map.of("X-Request-Id", "support-case-4711"));
        assertThat(traced.header("x-request-id")).isEqualTo("support-case-4711");
        assertThat(traced.json().get("request_id").asString()).isEqualTo("support-case-4711");

        Http.Response replaced = edge.send("GET", "/auth/me", null, null, Map.of("X-Request-Id", "x".repeat(65)));
        assertThat(replaced.header("x-request-id")).matches("[0-9a-f]{32}");
        assertThat(replaced.json().get("request_id").asString()).isEqualTo(replaced.header("x-request-id"));
    }

    @Test
    void healthTellsOutsidersTheStatusAndAdminsTheDetails() {
        String admin = system.adminToken();
        // a caller from the internet (named by a load balancer in front, as nginx names its own callers)
        Map<String, String> outsider = Map.of("X-Forwarded-For", "198.51.100.7");
        for (String path : List.of("/health/auth", "/health/time", "/health/admin")) {
            Http.Response anonymous = edge.send("GET", path, null, null, outsider);
            assertThat(anonymous.json().path("status").asString()).isEqualTo("UP");
            assertThat(anonymous.body()).as(path).doesNotContain("components", "SQLite", "path");
            assertThat(edge.send("GET", path, null, admin, outsider).body())
                    .as(path)
                    .contains("\"components\"", "SQLite");
        }
    }

    @Test
    void theEdgeRateLimitAnswersTooManyRequestsAsAProblem() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(60);
        List<CompletableFuture<Http.Response>> burst = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                burst.add(CompletableFuture.supplyAsync(() -> edge.get("/auth/me"), callers));
            }
            List<Http.Response> answers =
                    burst.stream().map(CompletableFuture::join).toList();
            List<Http.Response> limited =
                    answers.stream().filter(r -> r.status() == 429).toList();
            assertThat(answers)
                    .filteredOn(r -> r.status() == 401)
                    .hasSizeGreaterThanOrEqualTo(20); // the burst gets through
            assertThat(limited).isNotEmpty();
            for (Http.Response tooMany : limited) {
                assertThat(tooMany.contentType()).startsWith("application/problem+json");
                assertThat(tooMany.json().get("code").asString()).isEqualTo("rate_limited");
                assertThat(tooMany.json().get("request_id").asString()).isEqualTo(tooMany.header("x-request-id"));
                assertThat(tooMany.header("retry-after")).isEqualTo("1");
            }
        } finally {
            callers.shutdown();
        }
        // and it lets callers in again once they slow down (10 a second refill the burst)
        while (edge.get("/auth/me").status() == 429) {
            Thread.sleep(200);
        }
        // one request through is not a full burst again: the next test (same address, same zone)
        // signs up and signs in at once, so leave it the whole burst of 20, refilled in 2 s
        Thread.sleep(2_500);
    }

    @Test
    void theWebAppAndTheAdminPanelWorkThroughIt() {
        system.adminToken(); // the admin account exists
        try (Browser browser = Browser.start(1280, 900, "--ignore-certificate-errors")) {
            browser.driver.get(nginx.httpsUrl() + "/");
            browser.waitForText("main", "Talk to MindBot");
            assertThat(browser.requestedUrls()).isNotEmpty().allMatch(url -> url.startsWith(nginx.httpsUrl()));

            browser.driver.get(nginx.httpsUrl() + "/admin/");
            browser.type("email", RunningSystem.ADMIN_EMAIL);
            browser.driver.findElement(By.id("password")).sendKeys(AuthServer.PASSWORD, Keys.ENTER);
            browser.visible("stat-users");
            assertThat(browser.requestedUrls())
                    .allMatch(url -> url.startsWith(nginx.httpsUrl()))
                    .anyMatch(url -> url.endsWith("/admin/assets/app.js"))
                    .anyMatch(url -> url.contains("/admin/dashboard"));
        }
    }
}
