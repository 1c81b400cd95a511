package ai.mindbot.admin;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the admin dashboard finds its data and the services it acts through, bound from the seed's
 * environment names ({@code AUTH_DB_PATH}, {@code AUTH_SERVICE_URL}, ...) in admin-dashboard.properties.
 */
@ConfigurationProperties(prefix = "mindbot.admin")
public record AdminSettings(
        String authDbPath, String adminDbPath, String authServiceUrl, String timeServiceUrl, Duration upstreamTimeout) {

    public AdminSettings {
        if (upstreamTimeout == null) {
            upstreamTimeout = Duration.ofSeconds(10);
        }
    }
}
