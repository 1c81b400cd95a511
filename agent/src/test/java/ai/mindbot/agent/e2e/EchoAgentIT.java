package ai.mindbot.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.echo.EchoAgent;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The echo agent against a real livekit-server and a real LiveKit participant (rtc-node): what the
 * participant sends comes back from an agent participant, at the same pitch, in every room.
 */
@Tag("e2e")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EchoAgentIT {

    private static WorkerOnLiveKit live;

    @BeforeAll
    static void startServerAndAgent() throws Exception {
        live = WorkerOnLiveKit.start(10, job -> new EchoAgent());
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
    }

    @Test
    @Order(1)
    void echoesWhatTheParticipantSaysFromAnAgentParticipant() {
        List<JsonNode> events = EchoPeer.join(
                        live.server, room(), "caller", Map.of("TONE_HZ", "440", "CHAT", "hello agent", "DATA", "ping"))
                .await(60);
        JsonNode result = EchoPeer.result(events);

        assertThat(result.path("agent").asString("")).startsWith("agent-");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asString("")).isEqualTo("participant");
            assertThat(e.path("agent").asBoolean()).isTrue();
        });
        assertThat(result.path("echoes").asInt())
                .isEqualTo(result.path("bursts").asInt())
                .isGreaterThanOrEqualTo(3);
        assertThat(result.path("echoHz").asInt()).isBetween(430, 450);
        assertThat(result.path("echoRms").asInt()).isGreaterThan(1000);
        // most of the tone comes back; on a starved machine libwebrtc's playout falls behind and drops some
        assertThat(result.path("echoMs").asInt())
                .as("tone heard back, in ms (gaps make it shorter)")
                .isGreaterThanOrEqualTo(result.path("sentMs").asInt() / 2);
        assertThat(events)
                .anySatisfy(e -> assertThat(e.path("text").asString("")).isEqualTo("echo: hello agent"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asString("")).isEqualTo("data");
            assertThat(e.path("topic").asString("")).isEqualTo("echo");
            assertThat(e.path("text").asString("")).isEqualTo("ping");
        });
    }

    @Test
    @Order(2)
    void theJobEndsWhenTheParticipantLeaves() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (live.worker.activeJobs() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(live.worker.activeJobs()).isZero();
    }

    @Test
    @Order(3)
    void twoRoomsAtOnceEachHearTheirOwnEcho() {
        EchoPeer low = EchoPeer.join(live.server, room(), "low", Map.of("TONE_HZ", "440"));
        EchoPeer high = EchoPeer.join(live.server, room(), "high", Map.of("TONE_HZ", "660"));

        JsonNode lowResult = EchoPeer.result(low.await(60));
        JsonNode highResult = EchoPeer.result(high.await(60));

        assertThat(lowResult.path("echoHz").asInt()).isBetween(430, 450);
        assertThat(highResult.path("echoHz").asInt()).isBetween(650, 670);
        assertThat(lowResult.path("agent").asString(""))
                .isNotEqualTo(highResult.path("agent").asString(""));
    }

    private static String room() {
        return "echo-" + UUID.randomUUID();
    }
}
