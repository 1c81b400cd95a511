package ai.mindbot.auth.app;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.auth.AppStack;
import ai.mindbot.auth.AuthServer;
import ai.mindbot.auth.LiveKitServerPeer;
import ai.mindbot.common.test.Browser;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomAdmin;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import tools.jackson.databind.JsonNode;

/**
 * The Talk page through a real livekit-server, in a real Chromium with a fake microphone. MindBot's
 * side is played by a second Chromium running livekit-client exactly as the agent behaves on the
 * wire (lk.agent.state attribute, lk.transcription text streams, lk.chat in, audio out, and removal
 * at zero), and by the agent's calls to the time service (start the metered session). It proves the
 * page shows the state and both sides' captions, sends typed chat, plays MindBot's audio (a WebAudio
 * level above silence), counts the time down, sells more time mid-call without dropping it, ends with
 * a clear message when removed, and that hanging up ends the metered session.
 */
@Tag("e2e")
class TalkIT {

    static final String PASSWORD = "a voice worth hearing";

    static LiveKitServerPeer livekit;
    static AppStack stack;
    static Browser person;
    static Browser agent;

    @BeforeAll
    static void start() throws Exception {
        livekit = LiveKitServerPeer.start(AuthServer.LIVEKIT_KEY, AuthServer.LIVEKIT_SECRET);
        // 3600 s is "low" below a 7200 s threshold, so the banner shows during the call.
        stack = AppStack.start(
                TestDatabase.SQLITE,
                Map.of("LOW_BALANCE_THRESHOLD_SECONDS", "7200"),
                Map.of("LIVEKIT_URL", livekit.wsUrl()));
        person = Browser.start(1280, 1000);
        agent = Browser.start(800, 600);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {person, agent, stack, livekit}) {
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
    void aCallWithMindBotFromJoinToTheEnd() throws Exception {
        String email = AuthServer.newEmail();
        JsonNode session = stack.app
                .post("/auth/register", Map.of("email", email, "password", PASSWORD, "full_name", "Grace Hopper"))
                .json();
        String userToken = session.get("access_token").asString();
        String userId = stack.app.get("/auth/me", userToken).json().get("id").asString();
        assertThat(buy(userToken).status()).isEqualTo(200);

        person.driver.get(stack.origin() + "/#/signin");
        person.type("email", email);
        person.type("password", PASSWORD);
        person.driver.findElement(By.id("password")).sendKeys(Keys.ENTER);
        person.waitForHash("#/talk");
        person.visible("low-balance");
        person.waitForText("low-balance-text", "running low");

        // Join: the page publishes the (fake) microphone and waits for MindBot.
        person.click("talk-start");
        person.waitForText("agent-state", "Waiting for MindBot");
        String room = (String) person.js("return document.getElementById('call').dataset.room");
        assertThat(room).startsWith("talk-");
        person.wait.until(
                d -> ((Number) person.js("return Number(document.getElementById('mic-level').dataset.peak || 0)"))
                                .doubleValue()
                        > 0);

        // MindBot joins (as the agent does: attribute first), and starts the metered session.
        joinAsAgent(room);
        person.waitForText("agent-state", "Listening");
        String sessionId = startMeteredSession(room, userId);

        // The countdown starts from the session (within one sync) and runs.
        waitForTheCountdown();
        long first = remainingSeconds();
        assertThat(first).isBetween(3000L, 3600L);
        Thread.sleep(2500);
        assertThat(remainingSeconds()).isLessThan(first);

        // MindBot speaks: state, a caption streamed in pieces, and audio that reaches the page.
        agentScript("""
                const lp = window.agentRoom.localParticipant;
                await lp.setAttributes({'lk.agent.state': 'speaking'});
                const writer = await lp.streamText({topic: 'lk.transcription',
                    attributes: {'lk.segment_id': 'seg-agent-1', 'lk.transcription_final': 'true'}});
                await writer.write('Hello Grace, ');
                await writer.write('what shall we talk about?');
                await writer.close();
                const track = await LivekitClient.createLocalAudioTrack();
                await lp.publishTrack(track);
                return 'ok';""");
        person.waitForText("agent-state", "Speaking");
        person.wait.until(d -> caption("seg-agent-1").contains("Hello Grace, what shall we talk about?"));
        assertThat(person.js("return document.querySelector('li[data-segment=\"seg-agent-1\"]').dataset.speaker"))
                .isEqualTo("agent");
        person.wait.until(
                d -> ((Number) person.js("return Number(document.getElementById('agent-level').dataset.peak || 0)"))
                                .doubleValue()
                        > 0.001);

        // The person's words, transcribed by MindBot: an interim caption, then the final one in its place.
        String micTrack = (String) agentScript("""
                const p = [...window.agentRoom.remoteParticipants.values()][0];
                return [...p.trackPublications.values()].find(t => t.kind === 'audio').trackSid;""");
        userTranscript(micTrack, "tell me about", "false");
        person.wait.until(d -> caption("seg-user-1").contains("tell me about"));
        userTranscript(micTrack, "tell me about compilers", "true");
        person.wait.until(d -> caption("seg-user-1").contains("tell me about compilers"));
        assertThat(person.js("return document.querySelectorAll('li[data-segment=\"seg-user-1\"]').length"))
                .isEqualTo(1L);
        assertThat(person.js("return document.querySelector('li[data-segment=\"seg-user-1\"]').dataset.speaker"))
                .isEqualTo("user");
        person.screenshot("20-talk-live");

        // Typing instead of speaking reaches MindBot on lk.chat.
        person.type("talk-text", "and what about COBOL?");
        person.driver.findElement(By.id("talk-text")).sendKeys(Keys.ENTER);
        agent.wait.until(d -> String.valueOf(agent.js("return (window.received || []).join('|')"))
                .contains("and what about COBOL?"));

        // Mute stops the microphone track (and says so to screen readers).
        person.click("talk-mute");
        person.wait.until(
                d -> "true".equals(person.driver.findElement(By.id("talk-mute")).getAttribute("aria-pressed")));
        person.click("talk-mute");

        // Buy more mid-call: the dialog sells an hour; the call stays up and the time left grows.
        person.click("low-balance-buy");
        person.click("dialog-choose-starter_1h");
        person.click("dialog-pay");
        person.waitForText("dialog-purchase-result", "1 h added");
        person.screenshot("21-talk-buy-more");
        person.click("buy-dialog-close");
        person.wait.withTimeout(Duration.ofSeconds(25)).until(d -> remainingSeconds() > 6000);
        assertThat(person.driver.findElement(By.id("agent-state")).getText()).isEqualTo("Speaking");

        // Time runs out: MindBot removes the person; the page says so.
        removeFromRoom(room);
        person.visible("time-up");
        person.waitForText("time-up", "Your time ran out");
        person.screenshot("22-talk-time-up");
        person.wait.until(d ->
                !"active".equals(session(sessionId, userToken).get("status").asString()));

        // A second call, hung up by the person: the metered session ends at once.
        person.click("talk-start");
        person.waitForText("agent-state", "Waiting for MindBot");
        String room2 = (String) person.js("return document.getElementById('call').dataset.room");
        String session2 = startMeteredSession(room2, userId);
        waitForTheCountdown();
        person.click("talk-hangup");
        person.waitForText("call-ended", "The call has ended");
        person.wait.until(
                d -> "ended".equals(session(session2, userToken).get("status").asString()));
        person.screenshot("23-talk-hung-up");
    }

    // --- the person's page

    /** Until the countdown shows time, not "starts when": the metered session has reached the page (within one sync). */
    static void waitForTheCountdown() {
        person.wait
                .withTimeout(Duration.ofSeconds(25))
                .until(d -> !person.driver
                        .findElement(By.id("talk-remaining"))
                        .getText()
                        .contains("starts when"));
    }

    static long remainingSeconds() {
        Object value = person.js("return document.getElementById('talk-remaining').dataset.seconds");
        return value == null ? -1 : Long.parseLong((String) value);
    }

    static String caption(String segment) {
        Object text = person.js(
                "const li = document.querySelector('li[data-segment=\"' + arguments[0] + '\"]');"
                        + " return li ? li.textContent : ''",
                segment);
        return String.valueOf(text);
    }

    // --- MindBot's side

    static void joinAsAgent(String room) {
        AccessToken token = new AccessToken(AuthServer.LIVEKIT_KEY, AuthServer.LIVEKIT_SECRET);
        token.setIdentity("agent-mindbot-test");
        token.setName("MindBot");
        token.addGrants(
                new RoomJoin(true),
                new RoomName(room),
                new CanPublish(true),
                new CanSubscribe(true),
                new CanPublishData(true),
                new CanUpdateOwnMetadata(true));
        agent.driver.get(stack.origin() + "/#/");
        Object joined = agent.driver.executeAsyncScript("""
                const [url, token, done] = arguments;
                const s = document.createElement('script');
                s.src = '/vendor/livekit-client/dist/livekit-client.umd.js';
                s.onload = async () => {
                  try {
                    const room = new LivekitClient.Room();
                    window.agentRoom = room;
                    window.received = [];
                    room.registerTextStreamHandler('lk.chat', async (reader) => window.received.push(await reader.readAll()));
                    await room.connect(url, token);
                    await room.localParticipant.setAttributes({'lk.agent.state': 'listening'});
                    done('ok');
                  } catch (e) { done('error: ' + e.message); }
                };
                document.head.append(s);""", livekit.wsUrl(), token.toJwt());
        assertThat(joined).isEqualTo("ok");
    }

    static Object agentScript(String body) {
        Object result = agent.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "(async () => {" + body + "})().then(done, e => done('error: ' + e.message));");
        assertThat(String.valueOf(result)).doesNotStartWith("error:");
        return result;
    }

    static void userTranscript(String trackSid, String text, String isFinal) {
        agentScript("""
                await window.agentRoom.localParticipant.sendText(%s, {topic: 'lk.transcription',
                    attributes: {'lk.segment_id': 'seg-user-1', 'lk.transcribed_track_id': '%s', 'lk.transcription_final': '%s'}});
                return 'ok';""".formatted(Http.json(text), trackSid, isFinal));
    }

    /** What the agent does when a user's time is exhausted: remove them (LiveKit's RoomService API). */
    static void removeFromRoom(String room) throws IOException, InterruptedException {
        String identity =
                String.valueOf(agentScript("return [...window.agentRoom.remoteParticipants.values()][0].identity;"));
        AccessToken admin = new AccessToken(AuthServer.LIVEKIT_KEY, AuthServer.LIVEKIT_SECRET);
        admin.addGrants(new RoomAdmin(true), new RoomName(room));
        HttpResponse<String> removed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(livekit.wsUrl().replace("ws://", "http://")
                                        + "/twirp/livekit.RoomService/RemoveParticipant"))
                                .header("Authorization", "Bearer " + admin.toJwt())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        Http.json(Map.of("room", room, "identity", identity))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    }

    // --- the time service, as the agent and the person use it

    static String startMeteredSession(String room, String userId) {
        String agentToken = stack.app
                .post("/auth/service-token", Map.of("api_key", AuthServer.AGENT_KEY))
                .json()
                .get("access_token")
                .asString();
        Http.Response started =
                stack.direct.post("/time/sessions", Map.of("room_name", room, "user_id", userId), agentToken);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().get("session_id").asString();
    }

    static JsonNode session(String id, String userToken) {
        return stack.app.get("/time/sessions/" + id, userToken).json();
    }

    static Http.Response buy(String token) {
        return stack.app.send(
                "POST",
                "/time/purchase",
                Http.json(Map.of("package_id", "starter_1h", "payment_method_id", "pm_card_visa")),
                token,
                Map.of("Idempotency-Key", "talk-" + System.nanoTime()));
    }
}
