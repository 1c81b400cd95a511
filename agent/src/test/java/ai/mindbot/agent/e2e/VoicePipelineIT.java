package ai.mindbot.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.voice.ConversationAgent;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The whole voice pipeline against a real livekit-server and a real participant (rtc-node), with the
 * offline providers: Silero VAD, pocketsphinx, flite, and an offline brain. The participant's
 * question is real speech made by flite; what comes back must be speech (not silence) and a
 * transcript, and talking over the agent must stop its audio.
 */
@Tag("e2e")
class VoicePipelineIT {

    private static WorkerOnLiveKit live;
    private static OfflineVoice offline;

    @BeforeAll
    static void startServerAndAgent() throws Exception {
        offline = OfflineVoice.create(
                Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), Peers.repoRoot());
        VoiceProviders providers = new VoiceProviders(
                offline.vad(), offline.stt(), new OfflineBrain(), offline.tts(), offline.description());
        live = WorkerOnLiveKit.start(
                10, job -> new ConversationAgent(() -> providers, VoiceOptions.defaults(), c -> {}));
    }

    @AfterAll
    static void stop() {
        if (live != null) {
            live.close();
        }
        if (offline != null) {
            offline.close();
        }
    }

    @Test
    void aSpokenQuestionIsAnsweredWithSpeechAndATranscript() {
        Path question = Speech.wav("hello what is your name");
        List<JsonNode> events = VoicePeer.join(
                        live.server.wsUrl(),
                        """
                [{"wait_agent": 20000}, {"sleep": 1000}, {"play": "%s"},
                 {"wait_speech": 20000}, {"wait_silence": 30000, "quiet": 1500}]""".formatted(question),
                        Map.of("LK_ROOM", "pipeline-" + UUID.randomUUID(), "LK_IDENTITY", "caller"))
                .await(90);
        JsonNode result = VoicePeer.result(events);

        assertThat(result.path("error").isNull())
                .as("script error: %s", result.path("error"))
                .isTrue();
        long playEnd = VoicePeer.of(events, "play_end").get(0).path("at").asLong();
        List<JsonNode> answers = VoicePeer.of(events, "agent_audio_on");
        assertThat(answers).as("the agent spoke after the question").isNotEmpty();
        long answerAt = answers.get(0).path("t").asLong();
        assertThat(answerAt).as("the answer starts after the question ends").isGreaterThan(playEnd);
        assertThat(result.path("heardMs").asLong())
                .as("ms of agent speech heard")
                .isGreaterThan(1500);

        List<JsonNode> transcripts = VoicePeer.of(events, "transcript");
        assertThat(transcripts).anySatisfy(t -> {
            assertThat(t.path("from").asString("")).isEqualTo("caller");
            assertThat(t.path("final").asBoolean()).isTrue();
            assertThat(t.path("text").asString("").toLowerCase()).contains("name");
            assertThat(t.path("track").asString(""))
                    .as("lk.transcribed_track_id: the caller's microphone")
                    .startsWith("TR_");
        });
        assertThat(transcripts).anySatisfy(t -> {
            assertThat(t.path("from").asString("")).startsWith("agent-");
            assertThat(t.path("text").asString("")).contains("MindBot");
            assertThat(t.path("track").asString(""))
                    .as("lk.transcribed_track_id: the agent's own track")
                    .startsWith("TR_");
        });
        assertThat(result.path("states").toString()).contains("listening", "thinking", "speaking");
    }

    @Test
    void talkingOverTheAgentStopsItsAudio() {
        Path question = Speech.wav("hello what is your name");
        Path interruption = Speech.wav("hello there how are you doing today");
        List<JsonNode> events = VoicePeer.join(
                        live.server.wsUrl(),
                        """
                [{"wait_agent": 20000}, {"sleep": 1000}, {"play": "%s"},
                 {"wait_speech": 20000}, {"sleep": 1200}, {"play": "%s"}, {"sleep": 2500}]""".formatted(question, interruption),
                        Map.of("LK_ROOM", "bargein-" + UUID.randomUUID(), "LK_IDENTITY", "caller"))
                .await(90);
        JsonNode result = VoicePeer.result(events);

        assertThat(result.path("error").isNull())
                .as("script error: %s", result.path("error"))
                .isTrue();
        JsonNode interrupting = VoicePeer.of(events, "play_start").get(1);
        long talkOverAt = interrupting.path("t").asLong();
        // the agent's speech that was playing when the user began stops soon after (VAD, network and
        // jitter buffers included; the engine's own 200 ms bound is proven under a test clock)
        List<JsonNode> offs = VoicePeer.of(events, "agent_audio_off").stream()
                .filter(e -> e.path("at").asLong() >= talkOverAt - 100)
                .toList();
        assertThat(offs)
                .as("the agent's audio stopped after the user talked over it")
                .isNotEmpty();
        long stoppedAfter = offs.get(0).path("at").asLong() - talkOverAt;
        assertThat(stoppedAfter)
                .as("ms from talking over to the agent's audio stopping")
                .isLessThan(1500);
        // the long self-introduction was not played out to its end: MindBot's takes ~10 s
        long firstOn = VoicePeer.of(events, "agent_audio_on").get(0).path("t").asLong();
        assertThat(offs.get(0).path("at").asLong() - firstOn).isLessThan(6000);
    }
}
