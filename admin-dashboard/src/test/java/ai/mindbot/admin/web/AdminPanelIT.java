package ai.mindbot.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.support.AdminUnderTest;
import ai.mindbot.admin.support.Business;
import ai.mindbot.admin.support.FakeServices.Answer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin panel in a real headless Chromium, as an admin uses it: sign in from the keyboard, read
 * the dashboard, search a user, grant an hour and see the balance move, find it in the audit log.
 * The time service is stood in by an in-test server that applies grants to the accounts table as the
 * real one would. Screenshots go to target/screenshots.
 */
@Tag("e2e")
class AdminPanelIT {

    static AdminUnderTest admin;
    static String bob;
    static Browser chromium;
    static ChromeDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        admin = AdminUnderTest.start(TestDatabase.SQLITE, AdminPanelIT::twoWeeksOfBusiness);
        String adminToken = Tokens.admin("1", "boss@mindbot.test");
        admin.services.answer(
                "/auth/login",
                c -> c.body().get("password").asString().equals("correct horse")
                        ? Answer.ok("{\"access_token\":\"" + adminToken
                                + "\",\"token_type\":\"bearer\",\"expires_in\":3600}")
                        : Answer.problem(401, "invalid_credentials", "wrong email or password"));
        admin.services.answer("/time/admin/grants", c -> {
            long seconds = c.body().get("seconds").asLong();
            admin.business
                    .time()
                    .sql("UPDATE accounts SET balance_seconds = balance_seconds + :s WHERE user_id = :u")
                    .param("s", seconds)
                    .param("u", c.body().get("user_id").asString())
                    .update();
            return Answer.ok("{\"seconds\":" + seconds + "}");
        });
        chromium = Browser.start(1366, 900);
        browser = chromium.driver;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    static void twoWeeksOfBusiness(Business business) {
        long now = System.currentTimeMillis();
        String ada = business.user("ada@example.com", "Ada Lovelace", now - 20 * 86_400_000L);
        bob = business.user("bob@example.com", "Bob Builder", now - 3 * 86_400_000L);
        business.account(ada, 7200, 0, now);
        business.account(bob, 600, 0, now);
        for (int day = 0; day < 14; day++) {
            long at = now - day * 86_400_000L - 1000;
            business.paidPurchase(
                    day % 2 == 0 ? ada : bob,
                    day % 3 == 0 ? "basic_5h" : "starter_1h",
                    3600,
                    day % 3 == 0 ? 3999 : 999,
                    0,
                    at);
            business.endedSession(day % 2 == 0 ? ada : bob, at, 300 + day * 120);
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        admin.close();
    }

    private static WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private static void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    @Test
    void anAdminRunsTheBusinessFromThePanel() {
        browser.get(admin.service.baseUrl() + "/");

        // Sign in with the keyboard only: the email field has focus, Tab to the password, Enter submits.
        visible(By.id("email"));
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("email");
        browser.switchTo().activeElement().sendKeys("boss@mindbot.test", Keys.TAB);
        browser.switchTo().activeElement().sendKeys("wrong password", Keys.ENTER);
        waitForText(By.id("signin-error"), "Wrong email or password");
        WebElement password = browser.findElement(By.id("password"));
        password.clear();
        password.sendKeys("correct horse", Keys.ENTER);

        // The dashboard: figures and both charts.
        waitForText(By.id("stat-users"), "2");
        waitForText(By.id("stat-revenue-30d"), "$");
        List<WebElement> bars = browser.findElements(By.cssSelector("#revenue-chart svg rect.bar"));
        assertThat(bars).hasSize(30);
        assertThat(browser.findElements(By.cssSelector("#usage-chart svg rect.bar")))
                .hasSize(30);
        assertThat(browser.findElement(By.id("period-purchases")).getText()).contains("14");
        assertThat(browser.findElement(By.id("stat-revenue-30d")).getText())
                .contains("$289.86"); // 5 x 39.99 + 9 x 9.99
        chromium.screenshot("1-dashboard");

        // Find Bob.
        browser.findElement(By.linkText("Users")).click();
        WebElement search = visible(By.id("user-search"));
        search.sendKeys("builder", Keys.ENTER);
        waitForText(By.tagName("caption"), "of 1");
        assertThat(browser.findElement(By.cssSelector("main table")).getText())
                .contains("bob@example.com")
                .doesNotContain("ada@");
        chromium.screenshot("2-users-search");

        // Grant him an hour; his balance goes from 10 min to 1 h 10 min.
        browser.findElement(By.linkText("bob@example.com")).click();
        waitForText(By.id("user-balance"), "10 min");
        WebElement minutes = browser.findElement(By.id("grant-minutes"));
        minutes.clear();
        minutes.sendKeys("60");
        browser.findElement(By.id("grant-reason")).sendKeys("welcome gift", Keys.ENTER);
        waitForText(By.id("user-balance"), "1 h 10 min");
        waitForText(By.id("status"), "Granted 1 h for bob@example.com");
        assertThat(admin.services.callsTo("/time/admin/grants")).hasSize(1);
        chromium.screenshot("3-user-granted");

        // The audit log says who did what, to whom, why, and that it worked.
        browser.findElement(By.linkText("Audit log")).click();
        waitForText(By.cssSelector("main table"), "welcome gift");
        String audit =
                browser.findElement(By.cssSelector("main table tbody tr")).getText();
        assertThat(audit).contains("boss@mindbot.test", "grant time", "user #" + bob, "welcome gift", "succeeded");
        chromium.screenshot("4-audit-log");
    }
}
