package ai.mindbot.agent.voice.deepgram;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.fakes.FakeHttpApi;
import ai.mindbot.agent.voice.fakes.FakeReply;
import ai.mindbot.agent.voice.fakes.Recorder;
import ai.mindbot.agent.voice.fakes.TtsAudio;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeepgramTtsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SPEAK = "/v1/speak";

    private FakeHttpApi deepgram;
    private DeepgramTts tts;

    @BeforeEach
    void start() throws Exception {
        deepgram = FakeHttpApi.start();
        tts = new DeepgramTts(DeepgramSettings.from(
                        Map.of("DEEPGRAM_API_KEY", "dg-test-key", "DEEPGRAM_BASE_URL", deepgram.baseUrl()))
                .orElseThrow());
    }

    @AfterEach
    void stop() {
        deepgram.close();
    }

    @Test
    void auraPcmStreamsInPiecesWithEverySample() throws Exception {
        short[] audio = FakeReply.Pcm.tone(12_000);
        deepgram.enqueue(SPEAK, FakeReply.Pcm.of(audio, 2_400, Duration.ofMillis(40)));
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("Your balance is forty-two minutes.", events);
        List<TtsEvent> seen = events.awaitType(TtsEvent.Done.class, WAIT);

        assertThat(TtsAudio.joined(seen)).isEqualTo(audio);
        assertThat(TtsAudio.pieces(seen)).isGreaterThanOrEqualTo(3);
        FakeHttpApi.Recorded request = deepgram.requests(SPEAK).get(0);
        assertThat(request.header("Authorization")).isEqualTo("Token dg-test-key");
        assertThat(request.query())
                .isEqualTo("model=aura-2-andromeda-en&encoding=linear16&sample_rate=24000&container=none");
        assertThat(request.body()).isEqualTo("{\"text\":\"Your balance is forty-two minutes.\"}");
    }

    @Test
    void aRefusedKeyFailsWithTheStatus() throws Exception {
        deepgram.enqueue(
                SPEAK,
                new FakeReply.Status(
                        401, Map.of(), "{\"err_code\":\"INVALID_AUTH\",\"err_msg\":\"Invalid credentials.\"}"));
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("Hello.", events);
        events.awaitType(TtsEvent.Failed.class, WAIT);

        assertThat(deepgram.requests(SPEAK)).hasSize(1);
        assertThat(((TtsEvent.Failed) events.events().get(0)).error())
                .hasMessageContaining("Deepgram TTS answered 401")
                .hasMessageContaining("INVALID_AUTH");
    }
}
