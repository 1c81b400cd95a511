package ai.mindbot.agent.bench;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.voice.ConversationAgent;
import ai.mindbot.agent.voice.Vad;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import ai.mindbot.agent.worker.AgentWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The agent side of the rooms-per-core benchmark ({@code scripts/bench-voice-rooms}): a worker whose
 * every job is a {@link ConversationAgent} with the real Silero VAD (one shared ONNX session, a stream per room) and
 * {@link TimedFakes} for the cloud: STT final 300 ms after the speech end, first LLM token 400 ms,
 * first TTS byte 200 ms, then 1.5 s of audio streamed in real time. Arguments: LiveKit URL, repo root.
 */
public final class VoiceLoadAgent {

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        Path root = Path.of(args[1]);
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        TimedFakes cloud = new TimedFakes(
                "what time is it",
                Duration.ofMillis(300),
                Duration.ofMillis(400),
                Duration.ofMillis(200),
                Duration.ofMillis(1500));
        AgentConfig config = new AgentConfig(url, "devkey", "secret", "", 200, Duration.ofSeconds(10), false);
        Vad vad = OfflineVoice.detector(env, root);
        try (AgentWorker worker = new AgentWorker(config, job -> {
                    VoiceProviders providers = new VoiceProviders(
                            vad, cloud.stt(), cloud.llm(), cloud.tts(), "Silero VAD + timed cloud fakes");
                    return new ConversationAgent(() -> providers, VoiceOptions.defaults(), c -> {});
                })
                .start()) {
            worker.registration().get(30, TimeUnit.SECONDS);
            System.out.println("registered with LiveKit");
            new CountDownLatch(1).await(); // until the script kills us
        }
    }
}
