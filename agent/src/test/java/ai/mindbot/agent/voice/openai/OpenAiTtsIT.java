package ai.mindbot.agent.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.fakes.FakeHttpApi;
import ai.mindbot.agent.voice.fakes.FakeReply;
import ai.mindbot.agent.voice.fakes.Recorder;
import ai.mindbot.agent.voice.fakes.TtsAudio;
import ai.mindbot.agent.voice.wire.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiTtsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SPEECH = "/v1/audio/speech";

    private FakeHttpApi openai;
    private OpenAiTts tts;

    @BeforeEach
    void start() throws Exception {
        openai = FakeHttpApi.start();
        OpenAiSettings settings = OpenAiSettings.from(
                        Map.of("OPENAI_API_KEY", "sk-test-secret", "OPENAI_BASE_URL", openai.baseUrl() + "/v1"))
                .orElseThrow();
        tts = new OpenAiTts(settings, new RetryPolicy(2, Clock.systemUTC()));
    }

    @AfterEach
    void stop() {
        openai.close();
    }

    @Test
    void pcmArrivesInPiecesWhileTheBodyIsStillComing() throws Exception {
        short[] second = FakeReply.Pcm.tone(24_000);
        // 100 ms of audio every 60 ms, in 4801-byte chunks so samples are split across chunks.
        openai.enqueue(
                SPEECH,
                new FakeReply.Pcm(second, 4_801, Duration.ofMillis(60), FakeReply.Ending.COMPLETE, Integer.MAX_VALUE));
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("You have forty-two minutes left.", events);
        List<TtsEvent> seen = events.awaitType(TtsEvent.Done.class, WAIT);

        assertThat(tts.sampleRate()).isEqualTo(24_000);
        assertThat(TtsAudio.joined(seen))
                .as("every sample, in order, little-endian")
                .isEqualTo(second);
        assertThat(TtsAudio.pieces(seen)).isGreaterThanOrEqualTo(5);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new TtsEvent.Done());
        List<Long> at = events.arrivals();
        assertThat(Duration.ofNanos(at.get(at.size() - 1) - at.get(0)))
                .as("the first piece came long before the body ended")
                .isGreaterThan(Duration.ofMillis(300));

        FakeHttpApi.Recorded request = openai.requests(SPEECH).get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test-secret");
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.path("model").asString()).isEqualTo("gpt-4o-mini-tts");
        assertThat(body.path("voice").asString()).isEqualTo("ash");
        assertThat(body.path("response_format").asString()).isEqualTo("pcm");
        assertThat(body.path("input").asString()).isEqualTo("You have forty-two minutes left.");
    }

    @Test
    void aRefusedKeyFailsOnceWithoutRetrying() throws Exception {
        openai.enqueue(SPEECH, FakeReply.unauthorized());
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("Hello.", events);
        events.awaitType(TtsEvent.Failed.class, WAIT);
        Thread.sleep(200);

        assertThat(openai.requests(SPEECH)).hasSize(1);
        assertThat(events.events()).hasSize(1);
        Throwable error = ((TtsEvent.Failed) events.events().get(0)).error();
        assertThat(error).hasMessageContaining("OpenAI TTS answered 401");
        assertThat(error.getMessage()).doesNotContain("sk-test-secret");
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterItGives() throws Exception {
        openai.enqueue(SPEECH, FakeReply.rateLimited(1));
        openai.enqueue(SPEECH, FakeReply.Pcm.of(FakeReply.Pcm.tone(2_400), 1_200, Duration.ZERO));
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("Hello.", events);
        List<TtsEvent> seen = events.awaitType(TtsEvent.Done.class, WAIT);

        assertThat(TtsAudio.joined(seen)).hasSize(2_400);
        List<FakeHttpApi.Recorded> requests = openai.requests(SPEECH);
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(
                        requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos()))
                .isBetween(Duration.ofMillis(950), Duration.ofMillis(2500));
    }

    @Test
    void aConnectionDroppedMidBodyFailsAfterTheAudioThatCame() throws Exception {
        openai.enqueue(
                SPEECH,
                new FakeReply.Pcm(FakeReply.Pcm.tone(24_000), 4_800, Duration.ofMillis(20), FakeReply.Ending.DROP, 3));
        Recorder<TtsEvent> events = new Recorder<>();

        tts.synthesize("Hello.", events);
        List<TtsEvent> seen = events.awaitType(TtsEvent.Failed.class, WAIT);

        assertThat(TtsAudio.joined(seen)).hasSizeLessThanOrEqualTo(3 * 2_400);
        assertThat(seen).doesNotContain(new TtsEvent.Done());
        assertThat(((TtsEvent.Failed) seen.get(seen.size() - 1)).error()).hasMessageContaining("OpenAI TTS");
    }

    @Test
    void cancelStopsDeliveryAtOnce() throws Exception {
        openai.enqueue(SPEECH, FakeReply.Pcm.of(FakeReply.Pcm.tone(48_000), 2_400, Duration.ofMillis(50)));
        Recorder<TtsEvent> events = new Recorder<>();

        Cancellable speech = tts.synthesize("A long answer.", events);
        events.awaitType(TtsEvent.Audio.class, WAIT);
        speech.cancel();
        int atCancel = events.events().size();
        Thread.sleep(400);

        assertThat(events.events()).hasSize(atCancel).allMatch(TtsEvent.Audio.class::isInstance);
    }
}
