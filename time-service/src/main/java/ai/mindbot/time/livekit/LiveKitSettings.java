package ai.mindbot.time.livekit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** LIVEKIT_API_KEY and LIVEKIT_API_SECRET: the key pair LiveKit signs its webhooks with. */
@ConfigurationProperties("mindbot.livekit")
record LiveKitSettings(String apiKey, String apiSecret) {

    /** What {@code livekit-server --dev} uses; only ever taken in development. */
    static final LiveKitSettings DEV = new LiveKitSettings("devkey", "secret");

    boolean configured() {
        return apiKey != null && !apiKey.isBlank() && apiSecret != null && !apiSecret.isBlank();
    }

    @Override
    public String toString() {
        return "LiveKitSettings[apiKey=" + apiKey + "]"; // never the secret
    }
}
