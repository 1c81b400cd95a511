package ai.mindbot.agent.voice.cloud;

import ai.mindbot.agent.config.Settings;
import ai.mindbot.agent.voice.Llm;
import ai.mindbot.agent.voice.Stt;
import ai.mindbot.agent.voice.Tts;
import ai.mindbot.agent.voice.deepgram.DeepgramSettings;
import ai.mindbot.agent.voice.deepgram.DeepgramStt;
import ai.mindbot.agent.voice.deepgram.DeepgramTts;
import ai.mindbot.agent.voice.openai.OpenAiLlm;
import ai.mindbot.agent.voice.openai.OpenAiSettings;
import ai.mindbot.agent.voice.openai.OpenAiTts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud providers the environment configures; each part is empty when its key is missing, and
 * the caller fills the gaps with the offline providers ({@code voice/offline}). Voice activity
 * detection is always local, so it is not here.
 */
public record CloudVoice(Optional<Stt> stt, Optional<Llm> llm, Optional<Tts> tts) {

    private static final Logger log = LoggerFactory.getLogger(CloudVoice.class);

    /**
     * Reads {@code DEEPGRAM_*}, {@code OPENAI_*} and {@code TTS_PROVIDER} (see {@code agent/env.example}).
     *
     * @throws IllegalArgumentException when {@code TTS_PROVIDER} names a provider without a key, or
     *                                  a value we do not know: a typo should stop the start, not
     *                                  quietly give the user another voice
     */
    public static CloudVoice from(Map<String, String> env) {
        Optional<DeepgramSettings> deepgram = DeepgramSettings.from(env);
        Optional<OpenAiSettings> openai = OpenAiSettings.from(env);
        Optional<Stt> stt = deepgram.map(DeepgramStt::new);
        Optional<Llm> llm = openai.map(OpenAiLlm::new);
        Optional<Tts> tts = switch (ttsProvider(env, deepgram.isPresent(), openai.isPresent())) {
            case "openai" -> openai.map(OpenAiTts::new);
            case "deepgram" -> deepgram.map(DeepgramTts::new);
            default -> Optional.empty();
        };
        CloudVoice voice = new CloudVoice(stt, llm, tts);
        log.info("cloud voice providers: {}", voice.describe());
        return voice;
    }

    private static String ttsProvider(Map<String, String> env, boolean deepgramKey, boolean openaiKey) {
        String chosen = Settings.of(env).text("TTS_PROVIDER", "").toLowerCase(Locale.ROOT);
        switch (chosen) {
            case "" -> {
                return openaiKey ? "openai" : deepgramKey ? "deepgram" : "offline";
            }
            case "openai" -> {
                if (!openaiKey) {
                    throw new IllegalArgumentException("TTS_PROVIDER=openai needs OPENAI_API_KEY");
                }
                return chosen;
            }
            case "deepgram" -> {
                if (!deepgramKey) {
                    throw new IllegalArgumentException("TTS_PROVIDER=deepgram needs DEEPGRAM_API_KEY");
                }
                return chosen;
            }
            case "offline" -> {
                return chosen;
            }
            default ->
                throw new IllegalArgumentException(
                        "TTS_PROVIDER must be openai, deepgram or offline, not '" + chosen + "'");
        }
    }

    /** One line for the log: which parts are live and which are left to the offline providers. Never a key. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(stt.map(Object::toString).orElse("offline STT (no DEEPGRAM_API_KEY)"));
        parts.add(llm.map(Object::toString).orElse("offline LLM (no OPENAI_API_KEY)"));
        parts.add(tts.map(Object::toString).orElse("offline TTS"));
        return String.join(", ", parts);
    }
}
