package ai.mindbot.launcher;

import ai.mindbot.agent.AgentConfig;
import ai.mindbot.agent.AgentMain;
import ai.mindbot.agent.rtc.MediaLibrary;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import ai.mindbot.agent.voice.providers.ProviderSelection;
import ai.mindbot.agent.worker.AgentWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What {@code ./mindbot} runs beside the three services so a person can talk to MindBot: a LiveKit
 * server (the one at {@code LIVEKIT_URL}, or a local one started for this run) and the MindBot
 * worker with the providers the environment selects (offline without keys). When a part cannot run,
 * the services still do, and one line says what is missing.
 */
final class VoiceSide implements AutoCloseable {

    private final LocalLiveKit livekit;
    private final AgentWorker worker;
    private final String problem;

    private VoiceSide(LocalLiveKit livekit, AgentWorker worker, String problem) {
        this.livekit = livekit;
        this.worker = worker;
        this.problem = problem;
    }

    static VoiceSide start(Map<String, String> baseEnv, List<ConfigurableApplicationContext> services) {
        Map<String, String> env = new HashMap<>(baseEnv);
        // the agent calls the services where they really listen (ports may be chosen at start)
        env.put("AUTH_SERVICE_URL", "http://localhost:" + port(services, "auth-service"));
        env.put("TIME_SERVICE_URL", "http://localhost:" + port(services, "time-service"));
        Path home = ProviderSelection.home(env);
        Path data = Path.of(env.getOrDefault("MINDBOT_DATA_DIR", "./data"));
        StringBuilder problem = new StringBuilder();
        Optional<LocalLiveKit> livekit = LocalLiveKit.ensure(env, home, data, problem);
        if (livekit.isEmpty()) {
            return new VoiceSide(null, null, problem.toString());
        }
        try {
            AgentWorker worker = AgentMain.startWorker("start", AgentConfig.from(env), env, AgentMain.selectedVoice());
            return new VoiceSide(livekit.get(), worker, null);
        } catch (IllegalArgumentException | OfflineVoice.Unavailable | MediaLibrary.Missing e) {
            return new VoiceSide(livekit.get(), null, "MindBot cannot start: " + e.getMessage());
        }
    }

    /** One line for the banner: what runs, or what is missing. */
    String describe() {
        if (problem != null) {
            return "voice: not running (" + problem + ")";
        }
        return "voice: MindBot agent on LiveKit " + livekit.url()
                + (livekit.startedHere() ? " (started for this run)" : "");
    }

    boolean running() {
        return worker != null;
    }

    private static int port(List<ConfigurableApplicationContext> services, String name) {
        return services.stream()
                .filter(c -> name.equals(c.getEnvironment().getProperty("spring.application.name")))
                .map(c -> ((WebServerApplicationContext) c).getWebServer().getPort())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.drain(Duration.ofSeconds(5));
        }
        if (livekit != null) {
            livekit.close();
        }
    }
}
