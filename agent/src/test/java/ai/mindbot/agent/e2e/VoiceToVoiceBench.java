package ai.mindbot.agent.e2e;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.voice.ConversationAgent;
import ai.mindbot.agent.voice.ConversationListener;
import ai.mindbot.agent.voice.TurnMetrics;
import ai.mindbot.agent.voice.VoiceOptions;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import ai.mindbot.agent.worker.AgentWorker;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Voice-to-voice with the offline providers on this machine: a real participant (voice-peer, rtc-node)
 * speaks flite questions through a real livekit-server to a worker running {@link ConversationAgent}
 * with Silero VAD, pocketsphinx, flite and the offline brain. Per turn: the participant's speech end
 * ({@code play_end}) → the agent's audio heard ({@code agent_audio_on}), and the engine's own
 * {@code v2v} (user's last speech → first audio handed to playback). Not a test: run it with
 * {@code scripts/bench-voice-v2v [rounds]} (each round asks every question once).
 */
public final class VoiceToVoiceBench {

    /** Questions the offline brain answers in one short sentence, so a turn is over in seconds. */
    private static final List<String> QUESTIONS =
            List.of("hello", "what time is it", "thank you very much", "can you hear me", "how are you today");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<TurnMetrics> engine = Collections.synchronizedList(new ArrayList<>());
        try (LiveKitServer server = new LiveKitServer().start();
                OfflineVoice offline = OfflineVoice.create(
                        Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin")), Peers.repoRoot())) {
            VoiceProviders providers = new VoiceProviders(
                    offline.vad(), offline.stt(), new OfflineBrain(), offline.tts(), offline.description());
            AgentConfig config = new AgentConfig(
                    URI.create(server.wsUrl()),
                    LiveKitServer.API_KEY,
                    LiveKitServer.API_SECRET,
                    "",
                    10,
                    Duration.ofSeconds(10),
                    false);
            try (AgentWorker worker = new AgentWorker(
                            config,
                            job -> new ConversationAgent(
                                    () -> providers,
                                    VoiceOptions.defaults(),
                                    c -> c.addListener(new ConversationListener() {
                                        @Override
                                        public void onTurnMetrics(TurnMetrics metrics) {
                                            engine.add(metrics);
                                        }
                                    })))
                    .start()) {
                worker.registration().get(15, TimeUnit.SECONDS);
                StringBuilder steps = new StringBuilder("[{\"wait_agent\": 20000}, {\"sleep\": 1000}");
                for (int round = 0; round < rounds; round++) {
                    for (String question : QUESTIONS) {
                        Path wav = Speech.wav(question);
                        steps.append(", {\"play\": \"")
                                .append(wav)
                                .append("\"}")
                                .append(", {\"wait_speech\": 20000}, {\"wait_silence\": 30000, \"quiet\": 1200}");
                    }
                }
                steps.append("]");
                long seconds = 60L + 15L * rounds * QUESTIONS.size();
                List<JsonNode> events = VoicePeer.join(
                                server.wsUrl(),
                                steps.toString(),
                                Map.of(
                                        "LK_ROOM",
                                        "v2v-bench",
                                        "LK_IDENTITY",
                                        "caller",
                                        "WATCHDOG_MS",
                                        String.valueOf(seconds * 1000)))
                        .await(seconds);
                report(events, engine);
            }
        }
        System.exit(0); // the worker's native threads are not daemons
    }

    private static void report(List<JsonNode> events, List<TurnMetrics> engine) {
        VoicePeer.of(events, "error").forEach(e -> System.out.println("participant error: " + e.path("message")));
        List<Long> heard = new ArrayList<>();
        List<JsonNode> answers = VoicePeer.of(events, "agent_audio_on");
        int unanswered = 0;
        for (JsonNode end : VoicePeer.of(events, "play_end")) {
            long at = end.path("at").asLong();
            long answer = answers.stream()
                    .mapToLong(a -> a.path("t").asLong())
                    .filter(t -> t > at)
                    .min()
                    .orElse(-1);
            if (answer < 0) {
                unanswered++;
            } else {
                heard.add(answer - at);
            }
        }
        System.out.printf(
                "questions asked: %d, unanswered: %d%n",
                VoicePeer.of(events, "play_end").size(), unanswered);
        print("participant speech end -> agent audio heard", heard);
        List<Long> v2v;
        synchronized (engine) {
            v2v = engine.stream()
                    .filter(m -> m.voiceToVoice() != null)
                    .map(m -> m.voiceToVoice().toMillis())
                    .toList();
            print("engine v2v (last speech -> audio to playback)", v2v);
            print(
                    "engine eou (endpointing)",
                    engine.stream()
                            .filter(m -> m.endOfUtterance() != null)
                            .map(m -> m.endOfUtterance().toMillis())
                            .toList());
            print(
                    "engine stt final after speech",
                    engine.stream()
                            .filter(m -> m.sttFinal() != null)
                            .map(m -> m.sttFinal().toMillis())
                            .toList());
            print(
                    "engine ttfb (flite first audio)",
                    engine.stream()
                            .filter(m -> m.ttsTtfb() != null)
                            .map(m -> m.ttsTtfb().toMillis())
                            .toList());
        }
        System.out.println("per-turn heard ms: " + heard);
    }

    private static void print(String what, List<Long> millis) {
        long[] s = millis.stream().mapToLong(Long::longValue).sorted().toArray();
        if (s.length == 0) {
            System.out.printf("%-48s no samples%n", what);
            return;
        }
        System.out.printf(
                "%-48s n=%d p50=%d ms p95=%d ms max=%d ms%n",
                what,
                s.length,
                s[Math.max(0, (int) Math.ceil(0.5 * s.length) - 1)],
                s[Math.max(0, (int) Math.ceil(0.95 * s.length) - 1)],
                s[s.length - 1]);
    }
}
