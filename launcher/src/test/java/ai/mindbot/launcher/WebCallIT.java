package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.e2e.LiveKitServer;
import ai.mindbot.agent.e2e.Peers;
import ai.mindbot.agent.e2e.Speech;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * What {@code ./mindbot} promises a person, in a real browser: the full run (services, the MindBot
 * agent with the offline voice, a livekit-server) and Debian's Chromium with a fake microphone that
 * speaks a WAV made by flite. Sign up, buy a card with the simulator's Visa, talk: MindBot's greeting
 * caption names the person, its audio reaches the page, the time left counts down, and hanging up
 * ends the metered session.
 */
@Tag("e2e")
class WebCallIT {

    static LiveKitServer livekit;
    static Mindbot.Running running;
    static Browser person;
    static String origin;

    /** ./mindbot on ephemeral ports with its data in {@code data}, SQLite, and the agent on {@code livekit}. */
    static String[] arguments(Path data, LiveKitServer livekit) {
        return Stream.concat(
                        Stream.of(LauncherIT.args(data, "")),
                        Stream.of(
                                "--MINDBOT_HOME=" + Peers.repoRoot(),
                                "--LIVEKIT_URL=" + livekit.wsUrl(),
                                "--LIVEKIT_API_KEY=" + LiveKitServer.API_KEY,
                                "--LIVEKIT_API_SECRET=" + LiveKitServer.API_SECRET))
                .toArray(String[]::new);
    }

    /** The web app's origin: the auth service's port, on localhost as a person's browser names it. */
    static String origin(Mindbot.Running running) {
        return "http://localhost:"
                + ((WebServerApplicationContext) running.services().get(0))
                        .getWebServer()
                        .getPort();
    }

    @BeforeAll
    static void start() throws Exception {
        livekit = new LiveKitServer().start();
        Path data = Files.createTempDirectory("mindbot-webcall-");
        running = Mindbot.startEverything(arguments(data, livekit));
        assertThat(running.voice().describe()).startsWith("voice: MindBot agent on LiveKit");
        origin = origin(running);
        Path question = Speech.wavAfterSilence("how much time do i have left", 15);
        person = Browser.start(1280, 1000, "--use-file-for-fake-audio-capture=" + question + "%noloop");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {person, running, livekit}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
    }

    @Test
    void aPersonSignsUpBuysTimeAndTalksToMindBotInTheBrowser() {
        signUpAndBuy(person, origin);

        person.driver.get(origin + "/#/talk");
        person.click("talk-start");
        person.wait.until(d -> person.js("return document.getElementById('call').dataset.room || null") != null);

        // MindBot greets by name, in a caption and in audio the page hears
        person.wait
                .withTimeout(Duration.ofSeconds(40))
                .withMessage(() -> "captions: " + person.js("return document.getElementById('captions').outerHTML")
                        + " state: " + person.js("return document.getElementById('agent-state').textContent")
                        + " shot: " + person.screenshot("30-talk-failed"))
                .until(d -> agentCaptions().contains("Ada"));
        person.wait.withTimeout(Duration.ofSeconds(20)).until(d -> number("agent-level", "peak") > 0.01);
        person.screenshot("30-talk-real-mindbot");

        // the metered session is live in the time service, and the page counts the time left down
        String token = (String)
                person.js("return JSON.parse(localStorage.getItem('mindbot.session') || '{}').access_token || ''");
        Http time = new Http(origin);
        person.wait.withTimeout(Duration.ofSeconds(30)).until(d -> number("talk-remaining", "seconds") > 0);
        double first = number("talk-remaining", "seconds");
        assertThat(first).isBetween(3000.0, 3600.0);
        person.wait.withTimeout(Duration.ofSeconds(10)).until(d -> number("talk-remaining", "seconds") < first);

        // hanging up ends the session in the time service
        person.click("talk-hangup");
        person.waitForText("call-ended", "The call has ended");
        person.wait.withTimeout(Duration.ofSeconds(20)).until(d -> {
            JsonNode sessions = time.get("/time/sessions", token.isEmpty() ? null : token)
                    .json()
                    .path("sessions");
            return sessions.size() == 1
                    && "ended".equals(sessions.get(0).path("status").asString());
        });
    }

    /** Ada signs up from the home page and buys an hour with the simulator's Visa. */
    static void signUpAndBuy(Browser person, String origin) {
        person.driver.get(origin + "/");
        person.waitForText("main", "Talk to MindBot");
        person.driver.findElement(By.linkText("Create an account")).click();
        person.type("full-name", "Ada Lovelace");
        person.type("email", "ada@example.com");
        person.type("password", "analytical-engine");
        person.driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        person.waitForHash("#/buy");
        person.click("page-choose-starter_1h");
        person.click("page-pay");
        person.waitForText("page-purchase-result", "1 h added");
    }

    static String agentCaptions() {
        return String.valueOf(person.js("return [...document.querySelectorAll('li[data-speaker=\"agent\"]')]"
                + ".map(li => li.textContent).join(' | ')"));
    }

    static double number(String id, String data) {
        Object value = person.js(
                "const e = document.getElementById(arguments[0]); return e ? e.dataset[arguments[1]] || '0' : '0'",
                id,
                data);
        return Double.parseDouble(String.valueOf(value));
    }
}
