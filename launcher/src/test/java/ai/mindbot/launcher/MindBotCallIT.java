package ai.mindbot.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.AgentMain;
import ai.mindbot.agent.e2e.LiveKitServer;
import ai.mindbot.agent.e2e.Peers;
import ai.mindbot.agent.e2e.Speech;
import ai.mindbot.agent.e2e.VoicePeer;
import ai.mindbot.agent.worker.AgentWorker;
import ai.mindbot.auth.AuthServiceApplication;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A call to MindBot as a person makes it: the real auth and time services, a real livekit-server,
 * the MindBot worker ({@code ./mindbot agent start}) with the offline providers, and a real LiveKit
 * participant joining with the token {@code /auth/token} gave a user who bought a time card.
 */
@Tag("e2e")
class MindBotCallIT {

    private static final String AGENT_KEY = "e2e-agent-key-0123456789abcdef0123456789";
    private static final String ADMIN = "admin@mindbot.test";

    static LiveKitServer livekit;
    static RunningService auth;
    static RunningService time;
    static AgentWorker worker;

    @BeforeAll
    static void start() throws Exception {
        livekit = new LiveKitServer().start();
        Map<String, String> properties = new HashMap<>(TestDatabase.SQLITE.freshProperties());
        properties.put("JWT_SECRET", "mindbot-e2e-secret-0123456789abcdef0123456789");
        properties.put("AGENT_API_KEY", AGENT_KEY);
        properties.put("ADMIN_USERS", ADMIN);
        properties.put("LIVEKIT_URL", livekit.wsUrl());
        properties.put("LIVEKIT_API_KEY", LiveKitServer.API_KEY);
        properties.put("LIVEKIT_API_SECRET", LiveKitServer.API_SECRET);
        auth = RunningService.start(AuthServiceApplication.builder(), properties);
        properties.put("AUTH_SERVICE_URL", auth.baseUrl());
        time = RunningService.start(TimeServiceApplication.builder(), properties);

        Map<String, String> agentEnv = new HashMap<>();
        agentEnv.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        agentEnv.put("MINDBOT_HOME", Peers.repoRoot().toString());
        agentEnv.put("AUTH_SERVICE_URL", auth.baseUrl());
        agentEnv.put("TIME_SERVICE_URL", time.baseUrl());
        agentEnv.put("AGENT_API_KEY", AGENT_KEY);
        agentEnv.put("LIVEKIT_URL", livekit.wsUrl());
        worker = AgentMain.startWorker("start", livekit.workerConfig(10), agentEnv, AgentMain.selectedVoice());
        assertThat(worker.registration().get(20, TimeUnit.SECONDS)).isNotBlank();
    }

    @AfterAll
    static void stop() {
        if (worker != null) {
            worker.close();
        }
        if (time != null) {
            time.close();
        }
        if (auth != null) {
            auth.close();
        }
        if (livekit != null) {
            livekit.stop();
        }
    }

    @Test
    void aUserWhoBoughtTimeIsGreetedByNameAnsweredInSpeechAndTextAndBilledOnceForTheTimeSpent() throws Exception {
        String token = register("ann@example.com", "Ann Example");
        AgentServices.buyAnHour(time, token);
        Path question = Speech.wav("how much time do i have left");
        VoicePeer peer = VoicePeer.join(
                livekit.wsUrl(),
                """
                [{"wait_agent": 20000}, {"wait_speech": 20000}, {"wait_silence": 30000, "quiet": 1200},
                 {"chat": "how much time do I have left?"}, {"wait_speech": 20000}, {"wait_silence": 30000, "quiet": 1200},
                 {"play": "%s"}, {"wait_speech": 20000}, {"wait_silence": 30000, "quiet": 1200}, {"leave": true}]""".formatted(question),
                Map.of("LK_TOKEN", roomToken(token, "call-" + UUID.randomUUID())));

        JsonNode live = waitForSession(token, "active", Duration.ofSeconds(30));
        assertThat(live.path("participant_identity").asString()).isEqualTo("user-" + userId(token));

        List<JsonNode> events = peer.await(150);
        JsonNode result = VoicePeer.result(events);
        assertThat(result.path("error").isNull())
                .as("script error: %s", result.path("error"))
                .isTrue();

        List<String> agentSaid = VoicePeer.of(events, "transcript").stream()
                .filter(t -> t.path("from").asString("").startsWith("agent-"))
                .map(t -> t.path("text").asString(""))
                .toList();
        assertThat(agentSaid.get(0)).as("greeting").contains("Ann").containsPattern("(an|1) hour");
        // the typed question and the spoken one are both answered with the balance
        assertThat(agentSaid.stream()
                        .skip(1)
                        .filter(s -> s.matches("(?s).*(minutes|hour).*left.*"))
                        .count())
                .as("answers about the time left in %s", agentSaid)
                .isGreaterThanOrEqualTo(2);
        assertThat(VoicePeer.of(events, "agent_audio_on"))
                .as("greeting and two answers were heard")
                .hasSizeGreaterThanOrEqualTo(3);

        JsonNode ended = waitForSession(token, "ended", Duration.ofSeconds(20));
        long billed = ended.path("billed_seconds").asLong();
        long talked = ended.path("ended_at").asLong() - ended.path("started_at").asLong();
        long connected = result.path("t").asLong()
                - VoicePeer.of(events, "connected").get(0).path("t").asLong();
        assertThat(billed).as("billed per started second of the session").isEqualTo((talked + 999) / 1000);
        assertThat(talked)
                .as("the session lasted as long as the participant was there (ms)")
                .isBetween(connected - 2500, connected + 1500);
        JsonNode balance = new Http(time.baseUrl()).get("/time/balance", token).json();
        assertThat(balance.path("balance_seconds").asLong()).as("billed once").isEqualTo(3600 - billed);
        assertThat(new Http(time.baseUrl())
                        .get("/time/sessions", token)
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aUserWithThirtySecondsIsCutOffAtZeroAndNeverBelow() throws Exception {
        String token = register("bo@example.com", "Bo Example");
        grant(userId(token), 30);
        VoicePeer peer = VoicePeer.join(
                livekit.wsUrl(),
                """
                [{"wait_agent": 20000}, {"sleep": 60000}]""",
                Map.of("LK_TOKEN", roomToken(token, "short-" + UUID.randomUUID()), "WATCHDOG_MS", "90000"));

        List<JsonNode> events = peer.await(120);
        JsonNode result = VoicePeer.result(events);
        assertThat(result.path("removed").asBoolean())
                .as("the agent removed the caller at zero")
                .isTrue();
        List<String> agentSaid = VoicePeer.of(events, "transcript").stream()
                .filter(t -> t.path("from").asString("").startsWith("agent-"))
                .map(t -> t.path("text").asString(""))
                .toList();
        assertThat(String.join(" ", agentSaid).toLowerCase()).contains("goodbye");

        JsonNode ended = waitForSession(token, "ended", Duration.ofSeconds(20));
        long disconnectedAfter =
                VoicePeer.of(events, "disconnected").get(0).path("t").asLong()
                        - VoicePeer.of(events, "connected").get(0).path("t").asLong();
        assertThat(disconnectedAfter).as("ms until the caller was removed").isBetween(27_000L, 36_000L);
        assertThat(ended.path("billed_seconds").asLong()).isEqualTo(30);
        assertThat(new Http(time.baseUrl())
                        .get("/time/balance", token)
                        .json()
                        .path("balance_seconds")
                        .asLong())
                .isZero();
    }

    private static String register(String email, String name) {
        Http.Response registered = new Http(auth.baseUrl())
                .post("/auth/register", Map.of("email", email, "password", "password-" + email, "full_name", name));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return registered.json().get("access_token").asString();
    }

    private static String roomToken(String accessToken, String room) {
        Http.Response answer = new Http(auth.baseUrl()).post("/auth/token", Map.of("room_name", room), accessToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("livekit_token").asString();
    }

    private static void grant(String userId, long seconds) {
        String admin = register(ADMIN, "Admin");
        Http.Response granted = new Http(time.baseUrl())
                .post("/time/admin/grants", Map.of("user_id", userId, "seconds", seconds, "reason", "e2e"), admin);
        assertThat(granted.status()).as(granted.body()).isBetween(200, 201);
    }

    private static String userId(String accessToken) {
        return new Http(auth.baseUrl())
                .get("/auth/me", accessToken)
                .json()
                .get("id")
                .asString();
    }

    private static JsonNode waitForSession(String token, String status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            JsonNode sessions =
                    new Http(time.baseUrl()).get("/time/sessions", token).json().path("sessions");
            if (sessions.size() > 0) {
                last = sessions.get(0);
                if (status.equals(last.path("status").asString())) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + status + " session within " + within + "; last: " + last);
    }
}
