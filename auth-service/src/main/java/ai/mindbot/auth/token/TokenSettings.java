package ai.mindbot.auth.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Lifetimes: access tokens ({@code JWT_TTL_SECONDS}, 1 h), refresh tokens ({@code REFRESH_TTL_SECONDS},
 * 30 days, renewed by each rotation) and service tokens ({@code SERVICE_TOKEN_TTL_SECONDS}, 10 min).
 */
@ConfigurationProperties("mindbot.auth.tokens")
record TokenSettings(Duration accessTtl, Duration refreshTtl, Duration serviceTtl) {

    public TokenSettings {
        for (Duration ttl : new Duration[] {accessTtl, refreshTtl, serviceTtl}) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("token lifetimes must be positive: " + ttl);
            }
        }
    }
}
