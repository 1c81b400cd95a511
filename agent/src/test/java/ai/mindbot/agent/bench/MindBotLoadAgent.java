package ai.mindbot.agent.bench;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.mindbot.MindBotFactory;
import ai.mindbot.agent.voice.Vad;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.metrics.VoiceMetrics;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import ai.mindbot.agent.worker.AgentWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent side of the concurrent-MindBot benchmark ({@code scripts/bench-mindbot-rooms}): the real
 * MindBot ({@link MindBotFactory}: metering against the time service, greeting by balance, the
 * offline brain and its tools) with the real Silero VAD and {@link TimedFakes} for recognition and
 * speech, timed as {@link VoiceLoadAgent}'s (the offline brain replaces the fake model: without
 * OPENAI_API_KEY MindBot always uses it, and it answers at once). Arguments: LiveKit URL, repo root; the services come
 * from AUTH_SERVICE_URL, TIME_SERVICE_URL and MINDBOT_DATA_DIR (the development agent key).
 */
public final class MindBotLoadAgent {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path root = Path.of(args[1]);
        Map<String, String> env = new HashMap<>(System.getenv());
        Vad vad = OfflineVoice.detector(env, root);
        TimedFakes cloud = new TimedFakes(
                "how much time do i have left",
                Duration.ofMillis(300),
                Duration.ofMillis(400),
                Duration.ofMillis(200),
                Duration.ofMillis(1500));
        AgentConfig config = new AgentConfig(url, "devkey", "secret", "", 200, Duration.ofSeconds(10), false);
        // no OPENAI_API_KEY: MindBot's offline brain answers (it knows MindBot's tools)
        env.remove("OPENAI_API_KEY");
        try (AgentWorker worker = new AgentWorker(
                        config,
                        MindBotFactory.create(
                                env,
                                e -> new VoiceProviders(
                                        vad, cloud.stt(), cloud.llm(), cloud.tts(), "Silero VAD + timed cloud fakes"),
                                new VoiceMetrics()))
                .start()) {
            worker.registration().get(30, TimeUnit.SECONDS);
            System.out.println("registered with LiveKit");
            new CountDownLatch(1).await(); // until the script kills us
        }
    }
}
