package ai.mindbot.agent;

import ai.mindbot.agent.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how the worker connects, read from the seed guide's environment names.
 *
 * @param url         LiveKit's WebSocket URL ({@code LIVEKIT_URL}, default {@code ws://localhost:7880})
 * @param apiKey      {@code LIVEKIT_API_KEY}; {@code devkey} in development
 * @param apiSecret   {@code LIVEKIT_API_SECRET}; {@code secret} in development
 * @param agentName   {@code AGENT_NAME}: empty means automatic dispatch to every new room
 * @param maxJobs     {@code AGENT_MAX_JOBS}: rooms this worker takes at once before it reports itself full
 * @param drainTimeout {@code AGENT_DRAIN_SECONDS}: how long SIGTERM waits for running jobs
 * @param useServerIceServers {@code AGENT_USE_SERVER_ICE}: use the STUN/TURN servers LiveKit suggests
 */
public record AgentConfig(
        URI url,
        String apiKey,
        String apiSecret,
        String agentName,
        int maxJobs,
        Duration drainTimeout,
        boolean useServerIceServers) {

    public static final String DEFAULT_URL = "ws://localhost:7880";

    public AgentConfig {
        if (url == null
                || !(url.getScheme().equals("ws")
                        || url.getScheme().equals("wss")
                        || url.getScheme().equals("http")
                        || url.getScheme().equals("https"))) {
            throw new IllegalArgumentException("LIVEKIT_URL must be a ws://, wss://, http:// or https:// URL");
        }
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("LIVEKIT_API_KEY and LIVEKIT_API_SECRET are required in production");
        }
        if (maxJobs < 1) {
            throw new IllegalArgumentException("AGENT_MAX_JOBS must be at least 1");
        }
        agentName = agentName == null ? "" : agentName.strip();
    }

    /** Reads the configuration from environment-style variables ({@code System.getenv()} merged with .env). */
    public static AgentConfig from(Map<String, String> env) {
        Settings settings = Settings.of(env);
        boolean production = settings.production();
        AgentConfig config = new AgentConfig(
                URI.create(settings.text("LIVEKIT_URL", DEFAULT_URL)),
                settings.text("LIVEKIT_API_KEY", production ? "" : "devkey"),
                settings.text("LIVEKIT_API_SECRET", production ? "" : "secret"),
                settings.text("AGENT_NAME", ""),
                settings.smallNumber("AGENT_MAX_JOBS", 30),
                Duration.ofSeconds(settings.number("AGENT_DRAIN_SECONDS", 60)),
                !"false".equalsIgnoreCase(settings.text("AGENT_USE_SERVER_ICE", "true")));
        String scheme = config.url().getScheme();
        if (production && !(scheme.equals("wss") || scheme.equals("https"))) {
            // the worker's token and every caller's voice would cross the network in the clear
            throw new IllegalArgumentException("LIVEKIT_URL must be a wss:// (or https://) address in production "
                    + "(MINDBOT_ENV=production), not " + config.url());
        }
        return config;
    }

    public AgentConfig withAgentName(String name) {
        return new AgentConfig(url, apiKey, apiSecret, name, maxJobs, drainTimeout, useServerIceServers);
    }

    /** The same configuration against another server URL (a job assignment may name one). */
    public AgentConfig withUrl(String otherUrl) {
        return new AgentConfig(
                URI.create(otherUrl), apiKey, apiSecret, agentName, maxJobs, drainTimeout, useServerIceServers);
    }

    /** The URL of one of LiveKit's WebSocket endpoints ({@code /agent}, {@code /rtc}) under {@link #url}. */
    public URI endpoint(String path, String query) {
        String scheme = switch (url.getScheme()) {
            case "http" -> "ws";
            case "https" -> "wss";
            default -> url.getScheme();
        };
        String base = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + url.getRawAuthority() + base + path + (query == null ? "" : "?" + query));
    }

    /** The HTTP base URL for LiveKit's server API (RoomService). */
    public String httpUrl() {
        String scheme = switch (url.getScheme()) {
            case "ws" -> "http";
            case "wss" -> "https";
            default -> url.getScheme();
        };
        return scheme + "://" + url.getRawAuthority();
    }

    @Override
    public String toString() {
        // never print the secret
        return "AgentConfig[url=" + url + ", apiKey=" + apiKey + ", agentName='" + agentName + "', maxJobs=" + maxJobs
                + "]";
    }
}
