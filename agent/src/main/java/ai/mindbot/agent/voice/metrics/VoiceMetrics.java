package ai.mindbot.agent.voice.metrics;

import ai.mindbot.agent.voice.ConversationListener;
import ai.mindbot.agent.voice.TurnMetrics;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * Every conversation's {@link TurnMetrics} as Prometheus histograms, one per stage, shared by all
 * rooms of the worker: add it as a listener to each conversation and serve {@link #exposition()}
 * (see {@link MetricsServer}).
 */
public final class VoiceMetrics implements ConversationListener {

    /** Seconds; dense below one second, where voice latency is judged. */
    private static final double[] BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10};

    private record Stage(Histogram histogram, Function<TurnMetrics, Duration> value) {}

    private final List<Stage> stages = List.of(
            stage(
                    "mindbot_voice_end_of_utterance_seconds",
                    "User's last speech to end of turn",
                    TurnMetrics::endOfUtterance),
            stage(
                    "mindbot_voice_stt_final_seconds",
                    "User's last speech to the final transcript",
                    TurnMetrics::sttFinal),
            stage("mindbot_voice_llm_ttft_seconds", "Model request to first token", TurnMetrics::llmTtft),
            stage("mindbot_voice_tts_ttfb_seconds", "First TTS request to first audio", TurnMetrics::ttsTtfb),
            stage(
                    "mindbot_voice_own_overhead_seconds",
                    "Time the engine itself added to a reply",
                    TurnMetrics::ownOverhead),
            stage(
                    "mindbot_voice_voice_to_voice_seconds",
                    "User's last speech to the agent's first audio out",
                    TurnMetrics::voiceToVoice));

    private static Stage stage(String name, String help, Function<TurnMetrics, Duration> value) {
        return new Stage(new Histogram(name, help, BUCKETS), value);
    }

    @Override
    public void onTurnMetrics(TurnMetrics metrics) {
        for (Stage stage : stages) {
            Duration value = stage.value().apply(metrics);
            if (value != null) {
                stage.histogram().observe(value);
            }
        }
    }

    /** Prometheus text exposition format 0.0.4. */
    public String exposition() {
        StringBuilder out = new StringBuilder();
        stages.forEach(s -> s.histogram().writeTo(out));
        return out.toString();
    }
}
