package ai.mindbot.auth.token;

import ai.mindbot.auth.ratelimit.AttemptLimiter;
import ai.mindbot.auth.ratelimit.AttemptLimiter.Reservation;
import ai.mindbot.auth.ratelimit.Bucket;
import ai.mindbot.common.security.Caller;
import ai.mindbot.common.web.ApiException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Exchanges the agent's API key for a short-lived access token with {@code sub} {@code service:agent}
 * and the single role {@code agent}: enough to start and meter voice sessions, nothing a user or admin may do.
 * Wrong keys count against the caller's address like failed logins.
 */
@Service
public class ServiceCredentials {

    public static final String AGENT_SUBJECT = "service:agent";

    private final AgentApiKey agentKey;
    private final AccessTokenIssuer accessTokens;
    private final AttemptLimiter limiter;

    ServiceCredentials(AgentApiKey agentKey, AccessTokenIssuer accessTokens, AttemptLimiter limiter) {
        this.agentKey = agentKey;
        this.accessTokens = accessTokens;
        this.limiter = limiter;
    }

    public IssuedToken exchange(String apiKey, String clientAddress) {
        Reservation attempt = limiter.reserve(Bucket.SERVICE_ADDRESS.key(clientAddress));
        if (!agentKey.matches(apiKey)) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid_api_key", "the API key is not valid");
        }
        attempt.release();
        return accessTokens.forService(AGENT_SUBJECT, List.of(Caller.ROLE_AGENT));
    }

    @Configuration
    static class Keys {
        @Bean
        AgentApiKey agentApiKey(Environment environment) {
            return AgentApiKey.from(environment);
        }
    }
}
