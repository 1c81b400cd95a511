package ai.mindbot.agent.voice.deepgram;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.wire.PcmOverHttp;
import ai.mindbot.agent.voice.wire.ProviderThreads;
import ai.mindbot.agent.voice.wire.RetryPolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deepgram Aura over REST: {@code POST /v1/speak?model=…&encoding=linear16&sample_rate=24000&container=none}
 * with {@code {"text":…}}. With {@code container=none} the body is bare PCM, streamed as it is made,
 * so it goes through the same reader as OpenAI's. (Aura's WebSocket would save a connection per
 * sentence; REST keeps one request per sentence, which is what {@link Tts} asks for.)
 */
public final class DeepgramTts implements Tts {

    public static final int SAMPLE_RATE = 24_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final DeepgramSettings settings;
    private final PcmOverHttp transport;

    public DeepgramTts(DeepgramSettings settings) {
        this(settings, RetryPolicy.standard());
    }

    DeepgramTts(DeepgramSettings settings, RetryPolicy retry) {
        this.settings = settings;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.transport = new PcmOverHttp("Deepgram TTS", http, ProviderThreads.pool("deepgram-tts"), retry);
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
        String query = "model=" + URLEncoder.encode(settings.ttsModel(), StandardCharsets.UTF_8)
                + "&encoding=linear16&sample_rate=" + SAMPLE_RATE + "&container=none";
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint("/v1/speak", query, false))
                .header("Authorization", "Token " + settings.apiKey())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(JSON.createObjectNode().put("text", text))))
                .build();
        return transport.post(request, events);
    }

    @Override
    public String toString() {
        return "Deepgram TTS " + settings.ttsModel();
    }
}
