package ai.mindbot.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Agent;
import ai.mindbot.agent.api.Participant;
import ai.mindbot.agent.api.Playout;
import ai.mindbot.agent.api.Room;
import ai.mindbot.agent.api.TextStreamWriter;
import ai.mindbot.agent.media.AudioFrame;
import ai.mindbot.agent.worker.AgentWorker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the voice pipeline needs from the runtime, against a real livekit-server and a real
 * {@code @livekit/rtc-node} caller: the agent hears the caller's attribute change, answers with
 * 24 kHz speech written all at once (it must play whole, at the right pitch), marks itself as
 * speaking in its own attributes, and sends a transcript written in pieces with LiveKit's
 * transcription attributes.
 */
@Tag("e2e")
class VoiceRuntimeIT extends LiveKitPerTest {

    private static final int SPEECH_MS = 3000;
    private static final int SPEECH_HZ = 660;

    @Test
    void answersAnAttributeChangeWithSpeechAStateAndATranscript() throws Exception {
        CompletableFuture<Participant> updated = new CompletableFuture<>();
        CompletableFuture<Playout> played = new CompletableFuture<>();
        CompletableFuture<String> playedOn = new CompletableFuture<>();
        worker = new AgentWorker(server.workerConfig(5), job -> new Agent() {
                    private Room room;

                    @Override
                    public void onJobStart(Room room) {
                        this.room = room;
                    }

                    @Override
                    public void onParticipantUpdated(Participant participant) {
                        if (!"balance".equals(participant.attributes().get("mindbot.topic")) || updated.isDone()) {
                            return;
                        }
                        updated.complete(participant);
                        room.setAttributes(Map.of(Room.ATTRIBUTE_AGENT_STATE, "speaking"));
                        room.setMetadata("{\"voice\":\"test\"}");
                        try (TextStreamWriter transcript = room.openTextStream(
                                Room.TOPIC_TRANSCRIPTION,
                                Map.of("lk.segment_id", "SG_1", "lk.transcription_final", "true"),
                                List.of())) {
                            transcript.write("You have ");
                            transcript.write("four hours left.");
                        }
                        var speech = room.playback("speech");
                        speech.capture(
                                new AudioFrame(tone(SPEECH_HZ, 24_000, SPEECH_MS), 24_000, 1, System.nanoTime()));
                        speech.flush().thenAccept(playout -> {
                            playedOn.complete(Thread.currentThread().getName());
                            played.complete(playout);
                        });
                    }
                })
                .start();
        worker.registration().get(15, TimeUnit.SECONDS);

        List<JsonNode> events = EchoPeer.join(
                        server,
                        "voice-" + UUID.randomUUID(),
                        "caller",
                        Map.of(
                                "SET_ATTRIBUTES",
                                "{\"mindbot.topic\":\"balance\"}",
                                "BURSTS",
                                "4",
                                "BURST_MS",
                                "1",
                                "TONE_HZ",
                                "200"))
                .await(60);

        assertThat(updated.get(5, TimeUnit.SECONDS).attributes()).containsEntry("mindbot.lang", "en");
        assertThat(played.get(10, TimeUnit.SECONDS)).isEqualTo(new Playout(SPEECH_MS, false));
        assertThat(playedOn.get()).startsWith("agent-job-");
        JsonNode result = EchoPeer.result(events);
        System.out.printf(
                "VoiceRuntimeIT: the caller heard %d ms of %d ms of speech at %d Hz%n",
                result.path("echoMs").asInt(), SPEECH_MS, result.path("echoHz").asInt());
        assertThat(result.path("echoMs").asInt())
                .as("ms of the agent's speech heard")
                .isBetween(SPEECH_MS - 200, SPEECH_MS + 100);
        assertThat(result.path("echoHz").asInt()).isBetween(SPEECH_HZ - 10, SPEECH_HZ + 10);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asString("")).isEqualTo("attributes");
            assertThat(e.path("attributes").path(Room.ATTRIBUTE_AGENT_STATE).asString(""))
                    .isEqualTo("speaking");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asString("")).isEqualTo("metadata");
            assertThat(e.path("metadata").asString("")).isEqualTo("{\"voice\":\"test\"}");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.path("event").asString("")).isEqualTo("transcription");
            assertThat(e.path("text").asString("")).isEqualTo("You have four hours left.");
            assertThat(e.path("attributes").path("lk.segment_id").asString("")).isEqualTo("SG_1");
        });
    }

    private static short[] tone(int hz, int rate, int millis) {
        short[] samples = new short[rate * millis / 1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(8000 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return samples;
    }
}
