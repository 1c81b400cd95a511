package ai.mindbot.agent.voice.providers;

import ai.mindbot.agent.config.Settings;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.Vad;
import ai.mindbot.agent.voice.VoiceProviders;
import ai.mindbot.agent.voice.cloud.CloudVoice;
import ai.mindbot.agent.voice.offline.OfflineVoice;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers for one worker: Deepgram and OpenAI where their keys are set, the offline providers
 * (pocketsphinx, flite or FreeTTS) for the rest, and always a local voice detector. The model is
 * left empty ({@code llm() == null}) without {@code OPENAI_API_KEY}: the agent brings its own
 * offline brain then (MindBot's knows its tools).
 */
public final class ProviderSelection {

    private static final Logger log = LoggerFactory.getLogger(ProviderSelection.class);

    private ProviderSelection() {}

    /**
     * @param home where {@code .peers/voice} (scripts/install-voice) is looked for: {@code MINDBOT_HOME}
     *             when the launcher sets it, else the working directory
     * @throws OfflineVoice.Unavailable when a part without a cloud key cannot run offline here; its
     *                                  message is the one line to print
     */
    public static VoiceProviders from(Map<String, String> env, Path home) {
        CloudVoice cloud = CloudVoice.from(env);
        boolean needsOffline = cloud.stt().isEmpty() || cloud.tts().isEmpty();
        if (!needsOffline) {
            Vad vad = OfflineVoice.detector(env, home);
            return log(new VoiceProviders(
                    vad,
                    cloud.stt().get(),
                    cloud.llm().orElse(null),
                    cloud.tts().get(),
                    "VAD " + vad.getClass().getSimpleName() + ", " + cloud.describe()));
        }
        OfflineVoice offline = OfflineVoice.create(env, home);
        Stt stt = cloud.stt().orElse(offline.stt());
        Tts tts = cloud.tts().orElse(offline.tts());
        return log(new VoiceProviders(
                offline.vad(), stt, cloud.llm().orElse(null), tts, cloud.describe() + "; " + offline.description()));
    }

    /** As {@link #from}, looking in {@link #home}: what {@code ./mindbot agent} and its console use. */
    public static VoiceProviders fromEnvironment(Map<String, String> env) {
        return from(env, home(env));
    }

    /** {@code MINDBOT_HOME} (set by ./mindbot to the repository) or the working directory. */
    public static Path home(Map<String, String> env) {
        return Settings.of(env)
                .text("MINDBOT_HOME")
                .map(Path::of)
                .orElseGet(() -> Path.of("").toAbsolutePath());
    }

    private static VoiceProviders log(VoiceProviders providers) {
        log.info("voice providers: {}", providers.description());
        return providers;
    }
}
