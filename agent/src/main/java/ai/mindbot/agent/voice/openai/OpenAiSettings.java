package ai.mindbot.agent.voice.openai;

import ai.mindbot.agent.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's configuration, from the environment names in {@code agent/env.example}.
 *
 * @param apiKey   {@code OPENAI_API_KEY}
 * @param baseUrl  {@code OPENAI_BASE_URL}, default {@code https://api.openai.com/v1}; the SDK's convention,
 *                 so paths below it are {@code /chat/completions} and {@code /audio/speech}
 * @param model    {@code OPENAI_MODEL}, default {@code gpt-4o-mini}
 * @param ttsModel {@code OPENAI_TTS_MODEL}, default {@code gpt-4o-mini-tts}
 * @param ttsVoice {@code OPENAI_TTS_VOICE}, default {@code ash} (LiveKit's OpenAI plugin default too)
 */
public record OpenAiSettings(String apiKey, URI baseUrl, String model, String ttsModel, String ttsVoice) {

    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    public OpenAiSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("OPENAI_API_KEY is empty");
        }
        String url = baseUrl.toString().replaceAll("/+$", "");
        baseUrl = URI.create(url);
    }

    /** The settings when {@code OPENAI_API_KEY} is set, else empty (OpenAI is then not used). */
    public static Optional<OpenAiSettings> from(Map<String, String> env) {
        Settings settings = Settings.of(env);
        return settings.text("OPENAI_API_KEY")
                .map(key -> new OpenAiSettings(
                        key,
                        URI.create(settings.text("OPENAI_BASE_URL", DEFAULT_BASE_URL)),
                        settings.text("OPENAI_MODEL", "gpt-4o-mini"),
                        settings.text("OPENAI_TTS_MODEL", "gpt-4o-mini-tts"),
                        settings.text("OPENAI_TTS_VOICE", "ash")));
    }

    /** The endpoint {@code path} (e.g. {@code /audio/speech}) under the base URL. */
    public URI endpoint(String path) {
        return URI.create(baseUrl + path);
    }

    /** Keeps the key out of logs and exception messages that print the record. */
    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", model=" + model + ", ttsModel=" + ttsModel + ", ttsVoice="
                + ttsVoice + "]";
    }
}
