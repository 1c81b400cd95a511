package ai.mindbot.agent.voice.deepgram;

import ai.mindbot.agent.config.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Deepgram's configuration, from the environment names in {@code agent/env.example}.
 *
 * @param apiKey   {@code DEEPGRAM_API_KEY}, sent as {@code Authorization: Token <key>}
 * @param baseUrl  {@code DEEPGRAM_BASE_URL}, default {@code https://api.deepgram.com}; the listen
 *                 socket uses the same host with {@code ws}/{@code wss}
 * @param sttModel {@code DEEPGRAM_STT_MODEL}, default {@code nova-3}
 * @param ttsModel {@code DEEPGRAM_TTS_MODEL}, default {@code aura-2-andromeda-en}
 * @param language {@code DEEPGRAM_LANGUAGE}, default {@code en}
 */
public record DeepgramSettings(String apiKey, URI baseUrl, String sttModel, String ttsModel, String language) {

    public static final String DEFAULT_BASE_URL = "https://api.deepgram.com";

    public DeepgramSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("DEEPGRAM_API_KEY is empty");
        }
        baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
    }

    /** The settings when {@code DEEPGRAM_API_KEY} is set, else empty (Deepgram is then not used). */
    public static Optional<DeepgramSettings> from(Map<String, String> env) {
        Settings settings = Settings.of(env);
        return settings.text("DEEPGRAM_API_KEY")
                .map(key -> new DeepgramSettings(
                        key,
                        URI.create(settings.text("DEEPGRAM_BASE_URL", DEFAULT_BASE_URL)),
                        settings.text("DEEPGRAM_STT_MODEL", "nova-3"),
                        settings.text("DEEPGRAM_TTS_MODEL", "aura-2-andromeda-en"),
                        settings.text("DEEPGRAM_LANGUAGE", "en")));
    }

    /** {@code path?query} under the base URL, switched to {@code ws}/{@code wss} for sockets. */
    URI endpoint(String path, String query, boolean webSocket) {
        String scheme = baseUrl.getScheme();
        if (webSocket) {
            scheme = switch (scheme) {
                case "http" -> "ws";
                case "https" -> "wss";
                default -> scheme;
            };
        }
        String basePath = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
        return URI.create(scheme + "://" + baseUrl.getRawAuthority() + basePath + path + "?" + query);
    }

    /** Keeps the key out of logs and exception messages that print the record. */
    @Override
    public String toString() {
        return "DeepgramSettings[baseUrl=" + baseUrl + ", sttModel=" + sttModel + ", ttsModel=" + ttsModel
                + ", language=" + language + "]";
    }
}
