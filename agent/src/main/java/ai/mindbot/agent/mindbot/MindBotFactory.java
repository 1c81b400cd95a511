package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.api.AgentFactory;
import ai.mindbot.agent.config.Settings;
import ai.mindbot.agent.mindbot.brain.OfflineBrain;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.metrics.VoiceMetrics;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MindBot worker's agents ({@code ./mindbot agent start}): one set of service clients and
 * voice providers for the worker, a fresh {@link MindBotAgent} per room.
 */
public final class MindBotFactory {

    private static final Logger log = LoggerFactory.getLogger(MindBotFactory.class);

    private MindBotFactory() {}

    /**
     * @param voice the offline/cloud provider selection for this environment. Without
     *              {@code OPENAI_API_KEY} (or when the selection has no model) the brain is MindBot's
     *              offline brain, which knows MindBot's tools.
     * @param metrics where every room's turn timings go (the worker serves them on AGENT_METRICS_PORT)
     */
    public static AgentFactory create(
            Map<String, String> env, Function<Map<String, String>, VoiceProviders> voice, VoiceMetrics metrics) {
        MindBotSettings settings = MindBotSettings.from(env);
        MindBotServices services = settings.services().reportingTo(metrics);
        VoiceProviders providers = withBrain(voice.apply(env), env);
        log.info("MindBot: {}; voice: {}", settings, providers.description());
        return job -> new MindBotAgent(services, providers);
    }

    /** The providers selected, with MindBot's offline brain as the model unless a cloud model is configured. */
    public static VoiceProviders withBrain(VoiceProviders selected, Map<String, String> env) {
        boolean cloudModel = Settings.of(env).isSet("OPENAI_API_KEY") && selected.llm() != null;
        if (cloudModel) {
            return selected;
        }
        return new VoiceProviders(
                selected.vad(),
                selected.stt(),
                new OfflineBrain(),
                selected.tts(),
                selected.description() + ", MindBot's offline brain");
    }
}
