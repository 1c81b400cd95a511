package ai.mindbot.agent.voice.openai;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.TtsEvent;
import ai.mindbot.agent.voice.wire.PcmOverHttp;
import ai.mindbot.agent.voice.wire.ProviderThreads;
import ai.mindbot.agent.voice.wire.RetryPolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI speech: {@code POST /audio/speech} with {@code response_format: pcm}, whose body is raw
 * 24 kHz 16-bit little-endian mono with no header, sent chunked as it is generated. Each chunk goes
 * on as a {@link TtsEvent.Audio} when it arrives.
 */
public final class OpenAiTts implements Tts {

    /** The only rate OpenAI's {@code pcm} format comes in. */
    public static final int SAMPLE_RATE = 24_000;

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final OpenAiSettings settings;
    private final PcmOverHttp transport;

    public OpenAiTts(OpenAiSettings settings) {
        this(settings, RetryPolicy.standard());
    }

    OpenAiTts(OpenAiSettings settings, RetryPolicy retry) {
        this.settings = settings;
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.transport = new PcmOverHttp("OpenAI TTS", http, ProviderThreads.pool("openai-tts"), retry);
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public Cancellable synthesize(String text, Consumer<TtsEvent> events) {
        var body = JSON.createObjectNode()
                .put("model", settings.ttsModel())
                .put("voice", settings.ttsVoice())
                .put("input", text)
                .put("response_format", "pcm");
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint("/audio/speech"))
                .header("Authorization", "Bearer " + settings.apiKey())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return transport.post(request, events);
    }

    @Override
    public String toString() {
        return "OpenAI TTS " + settings.ttsModel() + "/" + settings.ttsVoice();
    }
}
