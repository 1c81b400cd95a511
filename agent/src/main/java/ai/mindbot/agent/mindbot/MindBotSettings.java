package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.config.Settings;
import ai.mindbot.agent.mindbot.metering.MeteringRules;
import ai.mindbot.agent.mindbot.services.AgentCredential;
import ai.mindbot.agent.mindbot.services.HttpTimeService;
import ai.mindbot.agent.mindbot.services.JsonHttp;
import ai.mindbot.agent.mindbot.tools.WeatherService;
import ai.mindbot.agent.voice.VoiceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * MindBot's configuration, from the environment (merged with .env by the launcher).
 *
 * @param agentApiKey {@code AGENT_API_KEY}; in development, when unset, the key the auth service
 *                    generated into {@code <MINDBOT_DATA_DIR>/agent-api-key} for an agent on the same machine
 */
public record MindBotSettings(
        URI authServiceUrl,
        URI timeServiceUrl,
        String agentApiKey,
        URI weatherGeocodingUrl,
        URI weatherForecastUrl,
        MeteringRules rules) {

    static final String DEV_KEY_FILE = "agent-api-key";

    @Override
    public String toString() {
        // never print the key
        return "MindBotSettings[auth=" + authServiceUrl + ", time=" + timeServiceUrl + ", weather=" + weatherForecastUrl
                + "]";
    }

    public static MindBotSettings from(Map<String, String> env) {
        Settings settings = Settings.of(env);
        String key = settings.text("AGENT_API_KEY", "");
        if (key.isEmpty()) {
            if (settings.production()) {
                throw new IllegalArgumentException("AGENT_API_KEY is required in production (MINDBOT_ENV=production)");
            }
            key = developmentKey(
                    Path.of(settings.text("MINDBOT_DATA_DIR", "./data")).resolve(DEV_KEY_FILE));
        }
        return new MindBotSettings(
                url(settings, "AUTH_SERVICE_URL", "http://localhost:8000"),
                url(settings, "TIME_SERVICE_URL", "http://localhost:8001"),
                key,
                url(settings, "WEATHER_GEOCODING_URL", WeatherService.DEFAULT_GEOCODING_URL),
                url(settings, "WEATHER_FORECAST_URL", WeatherService.DEFAULT_FORECAST_URL),
                MeteringRules.from(env));
    }

    /** The clients every call of this worker shares. */
    public MindBotServices services() {
        JsonHttp http = JsonHttp.withDefaults();
        AgentCredential credential = new AgentCredential(http, authServiceUrl, agentApiKey, System::nanoTime);
        return new MindBotServices(
                new HttpTimeService(http, timeServiceUrl, credential),
                new WeatherService(http, weatherGeocodingUrl, weatherForecastUrl),
                rules,
                VoiceOptions.defaults());
    }

    private static String developmentKey(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(
                    "AGENT_API_KEY is not set and " + file + " does not exist yet: start the "
                            + "services first (./mindbot), which generate it in development, or set AGENT_API_KEY");
        }
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URI url(Settings settings, String name, String fallback) {
        String value = settings.text(name, "");
        URI uri = URI.create(value.isEmpty() ? fallback : value.replaceAll("/+$", ""));
        if (uri.getScheme() == null
                || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException(name + " must be an http:// or https:// URL: " + value);
        }
        return uri;
    }
}
