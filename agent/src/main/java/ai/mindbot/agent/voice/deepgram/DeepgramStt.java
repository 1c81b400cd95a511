package ai.mindbot.agent.voice.deepgram;

import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.SttEvent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Deepgram live recognition: one {@code /v1/listen} WebSocket per participant stream, 16 kHz
 * linear16 mono in, {@code Results}/{@code SpeechStarted}/{@code UtteranceEnd} out. The query is
 * the one LiveKit's Deepgram plugin sends: interim results on (they drive live captions and are
 * needed for {@code UtteranceEnd}), {@code endpointing=25} ms so {@code speech_final} comes quickly
 * and the engine's own endpointing delay decides the turn, {@code utterance_end_ms=1000} as the
 * fallback when background noise keeps endpointing from firing, and {@code vad_events} for an early
 * start of speech (barge-in).
 */
public final class DeepgramStt implements Stt {

    public static final int SAMPLE_RATE = 16_000;

    /** Deepgram closes a socket after about 10 s with neither audio nor KeepAlive; half that is safe. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

    private final DeepgramSettings settings;
    private final HttpClient http;
    private final ScheduledExecutorService timers;
    private final Duration keepAlive;

    public DeepgramStt(DeepgramSettings settings) {
        this(settings, KEEP_ALIVE);
    }

    DeepgramStt(DeepgramSettings settings, Duration keepAlive) {
        this.settings = settings;
        this.keepAlive = keepAlive;
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "deepgram-stt-timer");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int sampleRate() {
        return SAMPLE_RATE;
    }

    @Override
    public SttStream stream(Consumer<SttEvent> events) {
        return ListenStream.open(http, listenUri(), settings.apiKey(), timers, keepAlive, events);
    }

    URI listenUri() {
        String query = "model=" + URLEncoder.encode(settings.sttModel(), StandardCharsets.UTF_8)
                + "&language=" + URLEncoder.encode(settings.language(), StandardCharsets.UTF_8)
                + "&encoding=linear16&sample_rate=" + SAMPLE_RATE + "&channels=1"
                + "&interim_results=true&punctuate=true&smart_format=true"
                + "&vad_events=true&endpointing=25&utterance_end_ms=1000";
        return settings.endpoint("/v1/listen", query, true);
    }

    @Override
    public String toString() {
        return "Deepgram STT " + settings.sttModel();
    }
}
