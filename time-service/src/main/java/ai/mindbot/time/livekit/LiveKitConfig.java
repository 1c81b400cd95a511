package ai.mindbot.time.livekit;

import ai.mindbot.common.config.RuntimeMode;
import io.livekit.server.WebhookReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The webhook receiver. Development without keys uses livekit-server --dev's devkey/secret; in
 * production the keys must be set or the webhook answers 503 (and says so at startup), since a
 * receiver with a guessable secret would let anyone end sessions.
 */
@Configuration
@EnableConfigurationProperties(LiveKitSettings.class)
class LiveKitConfig {

    private static final Logger log = LoggerFactory.getLogger(LiveKitConfig.class);

    @Bean
    LiveKitWebhooks liveKitWebhooks(LiveKitSettings settings, Environment environment) {
        if (settings.configured()) {
            return new LiveKitWebhooks(new WebhookReceiver(settings.apiKey(), settings.apiSecret()));
        }
        if (RuntimeMode.of(environment).isProduction()) {
            log.warn("LIVEKIT_API_KEY/LIVEKIT_API_SECRET are not set: POST /webhooks/livekit answers 503 and sessions "
                    + "end only by the agent or the sweeper");
            return new LiveKitWebhooks(null);
        }
        log.warn("DEVELOPMENT MODE: LiveKit webhooks verified with the dev key pair devkey/secret");
        return new LiveKitWebhooks(new WebhookReceiver(LiveKitSettings.DEV.apiKey(), LiveKitSettings.DEV.apiSecret()));
    }

    /** The receiver, or none when LiveKit is not configured. */
    record LiveKitWebhooks(WebhookReceiver receiver) {}
}
