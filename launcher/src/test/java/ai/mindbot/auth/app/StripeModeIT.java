package ai.mindbot.auth.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AppStack;
import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.testing.StripeMock;
import ai.mindbot.time.testing.StripeSignatures;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The Stripe-configured path, with stripe-mock (scripts/install-stripe-mock) standing in for Stripe's
 * API behind the real time service: the app says "stripe" and hands out the publishable key, its CSP
 * admits js.stripe.com (and only in this mode), the checkout asks for Stripe.js from js.stripe.com
 * and nothing else of Stripe, and a purchase through the app's origin creates a real-shaped
 * PaymentIntent that the signed webhook then credits. Tests reach only loopback, so Stripe.js itself
 * cannot load here: the page must then say the card form is unavailable rather than fail silently.
 * To watch the page hand the client secret to Stripe.js, one browser gets a recording stand-in at
 * js.stripe.com's own address ({@link StripeJsStandIn}).
 */
@Tag("e2e")
class StripeModeIT {

    static final String WEBHOOK_SECRET = "whsec_webapp_test_0123456789";
    /** Stripe's shape: the PaymentIntent's id, {@code _secret_}, then the secret part. */
    static final Pattern CLIENT_SECRET = Pattern.compile("pi_[A-Za-z0-9]+_secret_[A-Za-z0-9]+");

    static StripeMock stripeMock;
    static AppStack stack;

    @BeforeAll
    static void start() throws Exception {
        stripeMock = StripeMock.start();
        stack = AppStack.start(
                TestDatabase.SQLITE,
                Map.of(
                        "STRIPE_SECRET_KEY",
                        "sk_test_123",
                        "STRIPE_API_BASE",
                        stripeMock.apiBase(),
                        "STRIPE_WEBHOOK_SECRET",
                        WEBHOOK_SECRET,
                        "STRIPE_PUBLISHABLE_KEY",
                        "pk_test_123"),
                Map.of("STRIPE_PUBLISHABLE_KEY", "pk_test_123"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (stripeMock != null) {
            stripeMock.close();
        }
    }

    @Test
    void theAppOffersStripeAndAdmitsOnlyStripesOwnScript() {
        JsonNode config = stack.app.get("/app/config").json();
        assertThat(config.get("payments").asString()).isEqualTo("stripe");
        assertThat(config.get("stripe_publishable_key").asString()).isEqualTo("pk_test_123");

        String csp = stack.app.get("/").header("Content-Security-Policy");
        assertThat(csp)
                .contains("script-src 'self' https://js.stripe.com;")
                .contains("frame-src https://js.stripe.com https://hooks.stripe.com;")
                .contains("https://api.stripe.com");
    }

    @Test
    void aPurchaseThroughTheAppCreatesAPaymentIntentThatTheWebhookCredits() throws Exception {
        String token = stack.auth.registerNew().get("access_token").asString();
        Http.Response bought = stack.app.send(
                "POST",
                "/time/purchase",
                Http.json(Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa")),
                token,
                Map.of("Idempotency-Key", "stripe-mode-" + System.nanoTime()));

        assertThat(bought.status()).as(bought.body()).isEqualTo(200);
        JsonNode answer = bought.json();
        assertThat(answer.has("simulated")).isFalse();
        String intent = answer.get("payment_intent_id").asString();
        assertThat(intent).startsWith("pi_");
        // stripe-mock's fixture intent still needs a payment method (a browser could confirm it, so its
        // client secret comes along) and is never paid by itself: Stripe's webhook settles it
        assertThat(answer.get("status").asString()).isEqualTo("requires_payment_method");
        assertThat(answer.get("client_secret").asString()).matches(CLIENT_SECRET);
        succeeded(intent, answer.get("purchase_id").asString());
        assertThat(AppStack.balanceSeconds(stack.app, token)).isEqualTo(3600);
    }

    @Test
    void theCheckoutHandsTheClientSecretOfARealShapedPaymentIntentToStripeJs() throws Exception {
        try (StripeJsStandIn stripeJs = StripeJsStandIn.start();
                Browser browser = Browser.start(1280, 900, stripeJs.chromiumArguments())) {
            signUp(browser);
            browser.click("page-choose-starter_1h");
            browser.visible("stand-in-card"); // Stripe.js loaded from js.stripe.com, under the production CSP
            assertThat(stripeJs.requests()).containsExactly(StripeJsStandIn.HOST + "/v3/");

            // a declined card, then another card for the same PaymentIntent, as Stripe's flow has it
            browser.js("window.stripeStandIn.declineNext = true");
            browser.click("stripe-pay");
            browser.waitForText("page-purchase-result", "Your card was declined");
            browser.click("stripe-pay");
            browser.waitForText("page-purchase-result", "processing");

            String token =
                    (String) browser.js("return JSON.parse(localStorage.getItem('mindbot.session')).access_token");
            String userId = String.valueOf(
                    stack.app.get("/auth/me", token).json().get("id").asLong());
            List<Map<String, Object>> purchases = stack.time
                    .context()
                    .getBean(JdbcClient.class)
                    .sql("SELECT id, payment_intent_id, client_secret FROM purchases WHERE user_id = :user")
                    .param("user", userId)
                    .query()
                    .listOfRows();
            assertThat(purchases).hasSize(1);
            String secret = (String) purchases.get(0).get("client_secret");
            assertThat(secret).matches(CLIENT_SECRET);
            assertThat(standInCalls(browser))
                    .containsExactly(
                            Map.of("call", "Stripe", "publishableKey", "pk_test_123"),
                            Map.of("call", "elements.create", "type", "card"),
                            Map.of("call", "confirmCardPayment", "clientSecret", secret, "withTheCardElement", true),
                            Map.of("call", "confirmCardPayment", "clientSecret", secret, "withTheCardElement", true));

            // Stripe's part after a real confirmation: the webhook; the page sees the purchase credited
            succeeded((String) purchases.get(0).get("payment_intent_id"), (String)
                    purchases.get(0).get("id"));
            browser.waitForText("page-purchase-result", "1 h added");
            assertThat(AppStack.balanceSeconds(stack.app, token)).isEqualTo(3600);
            assertThat(browser.requestedUrls())
                    .filteredOn(url -> url.contains("stripe.com"))
                    .containsExactly("https://js.stripe.com/v3/");
            browser.screenshot("31-stripe-mode-paid");
        }
    }

    @Test
    void theCheckoutAsksForStripeJsFromStripeAndSaysWhenItCannotLoad() {
        try (Browser browser = Browser.start(1280, 900)) {
            signUp(browser);
            browser.click("page-choose-starter_1h");

            browser.waitForText("page-purchase-result", "card form (Stripe) cannot be loaded");
            assertThat(browser.js("return document.getElementById('stripe-js').src"))
                    .isEqualTo("https://js.stripe.com/v3/");
            assertThat(browser.driver.findElements(By.id("page-simulated-form")))
                    .isEmpty();
            assertThat(browser.driver.findElements(By.id("page-mode"))).isEmpty(); // no "test mode" banner
            browser.screenshot("30-stripe-mode-offline");
        }
    }

    // --- helpers

    static void signUp(Browser browser) {
        browser.driver.get(stack.origin() + "/#/signup");
        browser.type("full-name", "Stripe Tester");
        browser.type("email", AuthServer.newEmail());
        browser.type("password", "a long enough password");
        browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
        browser.waitForHash("#/buy");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> standInCalls(Browser browser) {
        return (List<Map<String, Object>>) browser.js("return window.stripeStandIn.calls");
    }

    /** The event Stripe sends when the PaymentIntent is paid. */
    static void succeeded(String intent, String purchaseId) throws Exception {
        webhook("""
                {"id":"evt_webapp_%d","object":"event","type":"payment_intent.succeeded","data":{"object":
                {"id":"%s","object":"payment_intent","amount":999,"amount_received":999,"currency":"usd",
                 "status":"succeeded","metadata":{"purchase_id":"%s"}}}}""".formatted(System.nanoTime(), intent, purchaseId));
    }

    static void webhook(String body) throws Exception {
        Http.Response delivered = stack.direct.send(
                "POST",
                "/webhooks/stripe",
                body,
                null,
                Map.of("Stripe-Signature", StripeSignatures.header(WEBHOOK_SECRET, body)));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    }
}
