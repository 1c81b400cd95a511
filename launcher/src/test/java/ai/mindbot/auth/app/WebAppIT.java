package ai.mindbot.auth.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AppStack;
import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The web app in a real headless Chromium against the real auth and time services (simulated
 * payments), as a person uses it: sign up, buy a card with the simulator's Visa (balance goes up)
 * and with a declined card (a clear message, no credit), read the history, change the password,
 * sign out, reset the password through the link the development log prints, and open the Talk
 * page as a guest: livekit-client comes from this origin, nothing from anywhere else. The steps
 * build on each other, in order. Screenshots go to target/screenshots (docs/screenshots has copies).
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT {

    static final String NAME = "Ada Lovelace";
    static final String FIRST_PASSWORD = "analytical engine 1843";
    static final String SECOND_PASSWORD = "difference engine 1822";
    static final String THIRD_PASSWORD = "note G bernoulli numbers";

    /** The LIVEKIT_URL AuthServer configures (wss://livekit.example.test), as an http(s) origin. */
    static final String LIVEKIT_HTTP = AuthServer.LIVEKIT_URL.replace("wss://", "https://") + "/";

    static AppStack stack;
    static Browser browser;
    static String origin;
    static String email;

    @BeforeAll
    static void start() {
        // Access tokens of 75 s: the page refreshes each one 60 s before it expires, so every step
        // below also runs across several silent refreshes.
        stack = AppStack.start(TestDatabase.SQLITE, Map.of(), Map.of("JWT_TTL_SECONDS", "75"));
        origin = stack.origin();
        email = AuthServer.newEmail();
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        stack.close();
    }

    @Test
    @Order(1)
    void signsUpFromTheHomePage() {
        browser.driver.get(origin + "/");
        browser.waitForText("main", "Talk to MindBot");
        browser.screenshot("01-home");

        browser.driver.findElement(By.linkText("Create an account")).click();
        browser.visible("full-name");
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("full-name");
        browser.type("full-name", NAME);
        browser.type("email", email);
        browser.type("password", FIRST_PASSWORD);
        browser.screenshot("02-sign-up");
        browser.driver.findElement(By.id("password")).sendKeys(Keys.ENTER);

        browser.waitForHash("#/buy");
        browser.waitForText("page-mode", "payments are simulated");
        browser.waitForText("balance-chip", "Balance: 0 s");
        assertThat(login(FIRST_PASSWORD).status()).isEqualTo(200); // the account is real
    }

    @Test
    @Order(2)
    void refreshesTheAccessTokenBeforeItExpires() {
        String first = storedAccessToken();
        browser.wait.withTimeout(Duration.ofSeconds(40)).until(d -> !first.equals(storedAccessToken()));
        String next = storedAccessToken();
        assertThat(stack.app.get("/auth/me", next).status()).isEqualTo(200);
        long expiresAt = (Long) browser.js("return JSON.parse(localStorage.getItem('mindbot.session')).expires_at");
        assertThat(expiresAt - System.currentTimeMillis()).isGreaterThan(60_000); // a fresh 75 s token
    }

    @Test
    @Order(3)
    void buysAnHourWithTheSimulatorsVisa() {
        browser.visible("page-choose-starter_1h");
        assertThat(browser.driver.findElements(By.cssSelector(".packages > li")))
                .hasSize(3);
        browser.screenshot("03-packages");
        browser.click("page-choose-starter_1h");
        browser.waitForText("page-simulated-note", "Simulated payments");
        assertThat(browser.driver.findElement(By.id("page-pm_card_visa")).isSelected())
                .isTrue();
        browser.screenshot("04-checkout-simulated");
        browser.click("page-pay");

        browser.waitForText("page-purchase-result", "1 h added");
        browser.waitForText("balance-chip", "Balance: 1 h");
        assertThat(balance()).isEqualTo(3600);
        browser.screenshot("05-bought");
    }

    @Test
    @Order(4)
    void aDeclinedCardSaysSoAndAddsNothing() {
        browser.click("page-choose-starter_1h");
        browser.click("page-pm_card_chargeDeclined");
        browser.click("page-pay");

        browser.waitForText("page-purchase-result", "Payment declined");
        String message =
                browser.driver.findElement(By.id("page-purchase-result")).getText();
        assertThat(message).contains("Your card was declined", "generic_decline", "No time was added");
        assertThat(balance()).isEqualTo(3600);
        browser.waitForText("balance-chip", "Balance: 1 h");
        browser.screenshot("06-declined");
    }

    @Test
    @Order(5)
    void theHistoryShowsThePurchase() {
        browser.driver.findElement(By.linkText("History")).click();
        browser.waitForText("transactions", "Time card bought");
        String purchases = browser.driver.findElement(By.id("transactions")).getText();
        assertThat(purchases).contains("+1 h").contains("(1)");
        browser.waitForText("calls", "No calls yet");
        browser.screenshot("07-history");
    }

    @Test
    @Order(6)
    void changesThePassword() {
        browser.driver.findElement(By.linkText("Account")).click();
        browser.waitForText("me-email", email);
        browser.type("current-password", "not my password");
        browser.type("new-password", SECOND_PASSWORD);
        browser.driver.findElement(By.id("new-password")).sendKeys(Keys.ENTER);
        browser.waitForText("password-error", "current password is not right");

        browser.type("current-password", FIRST_PASSWORD);
        browser.type("new-password", SECOND_PASSWORD);
        browser.driver.findElement(By.id("new-password")).sendKeys(Keys.ENTER);
        browser.waitForText("status", "Your password is changed");
        browser.screenshot("08-account");
        assertThat(login(FIRST_PASSWORD).status()).isEqualTo(401);
        assertThat(login(SECOND_PASSWORD).status()).isEqualTo(200);
        // still signed in here, with the fresh session the change handed out
        assertThat(stack.app.get("/auth/me", storedAccessToken()).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void signsOut() {
        String refreshToken =
                (String) browser.js("return JSON.parse(localStorage.getItem('mindbot.session')).refresh_token");
        browser.click("sign-out");
        browser.waitForHash("#/signin");
        browser.waitForText("status", "You are signed out");
        assertThat(browser.js("return localStorage.getItem('mindbot.session')")).isNull();
        assertThat(stack.app
                        .post("/auth/refresh", Map.of("refresh_token", refreshToken))
                        .status())
                .isEqualTo(401);
        browser.screenshot("09-signed-out");
    }

    @Test
    @Order(8)
    void resetsThePasswordThroughTheLoggedLink() {
        try (LogWatch log = new LogWatch("ai.mindbot.auth.reset.MailConfig")) {
            browser.driver.findElement(By.linkText("Forgot your password?")).click();
            browser.type("email", email);
            browser.driver.findElement(By.id("email")).sendKeys(Keys.ENTER);
            browser.waitForText("forgot-done", "a reset link is on its way");
            browser.screenshot("10-forgot");

            // The development log prints the link; its host is APP_URL's (localhost:8000 by default),
            // this test's server listens elsewhere, so the fragment is opened on the real origin.
            String token = log.awaitMatch(
                    Pattern.compile("password reset link .*?/#/reset/([A-Za-z0-9_-]{43})"), Duration.ofSeconds(10));
            browser.driver.get(origin + "/#/reset/" + token);
        }
        browser.visible("new-password");
        assertThat((String) browser.js("return location.hash")).isEqualTo("#/reset"); // token gone from the bar
        browser.type("new-password", THIRD_PASSWORD);
        browser.screenshot("11-reset");
        browser.driver.findElement(By.id("new-password")).sendKeys(Keys.ENTER);
        browser.waitForHash("#/signin");
        browser.waitForText("status", "Your password is reset");

        browser.type("email", email);
        browser.type("password", THIRD_PASSWORD);
        browser.driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        browser.waitForHash("#/talk");
        assertThat(login(SECOND_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    @Order(9)
    void theTalkPageShowsTheCallControlsAndTheCountdownSource() {
        browser.visible("talk-start");
        browser.waitForText("agent-state", "Not connected");
        assertThat(browser.driver.findElement(By.id("captions")).getAttribute("role"))
                .isEqualTo("log");
        assertThat(browser.driver.findElement(By.id("talk-text")).isEnabled()).isFalse();
        assertThat(browser.driver
                        .findElement(By.cssSelector("label[for=talk-text]"))
                        .getText())
                .isEqualTo("Type to MindBot");
        browser.screenshot("12-talk");
    }

    @Test
    @Order(10)
    void aGuestTriesTalkingWithLiveKitFromThisOriginOnly() {
        browser.click("sign-out");
        browser.waitForHash("#/signin");
        browser.driver.findElement(By.linkText("Try it")).click();
        browser.waitForText("guest-note", "as a guest");
        browser.wait.until(d -> Boolean.TRUE.equals(browser.js("return typeof window.LivekitClient === 'object'")));
        assertThat((String) browser.js("return LivekitClient.version")).startsWith("2.");

        browser.click("talk-start");
        // This test has no LiveKit server (LIVEKIT_URL points nowhere), so the join fails: clearly.
        browser.waitForText("call-error", "voice server cannot be reached");
        assertThat(browser.driver.findElement(By.id("talk-start")).isEnabled()).isTrue();
        browser.screenshot("13-guest-talk");

        List<String> urls = browser.requestedUrls();
        assertThat(urls).anyMatch(u -> u.equals(origin + "/vendor/livekit-client/dist/livekit-client.umd.js"));
        assertThat(urls).anyMatch(u -> u.equals(origin + "/auth/guest"));
        // In simulated mode the page's policy does not even allow Stripe's script.
        assertThat(stack.app.get("/").header("Content-Security-Policy"))
                .doesNotContain("stripe")
                .contains("script-src 'self';");
        // Only this origin and the configured LiveKit server (which livekit-client asks why a join failed).
        assertThat(urls)
                .allMatch(
                        u -> u.startsWith(origin + "/") || u.startsWith(LIVEKIT_HTTP),
                        "every request goes to " + origin + " or to LiveKit");
    }

    @Test
    @Order(11)
    void fitsAPhoneScreen() {
        try (Browser phone = Browser.start(390, 844)) {
            phone.driver.get(origin + "/#/signup");
            phone.visible("full-name");
            long overflow = (Long)
                    phone.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal scrolling on a phone").isLessThanOrEqualTo(0);
            phone.screenshot("14-phone-sign-up");
            phone.driver.get(origin + "/#/talk");
            phone.visible("talk-start");
            assertThat((Long) phone.js(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .isLessThanOrEqualTo(0);
            phone.screenshot("15-phone-talk");
        }
    }

    // --- helpers

    /** The balance as the time service has it, asked with the page's own access token. */
    static long balance() {
        return AppStack.balanceSeconds(stack.direct, storedAccessToken());
    }

    static Http.Response login(String password) {
        return stack.app.post("/auth/login", Map.of("email", email, "password", password));
    }

    static String storedAccessToken() {
        return (String) browser.js("return JSON.parse(localStorage.getItem('mindbot.session')).access_token");
    }
}
