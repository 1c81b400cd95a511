package ai.mindbot.auth.ratelimit;

import ai.mindbot.common.web.ApiException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429 with {@code retry_after_seconds}, which the shared problem handler also sends as {@code Retry-After}. */
public class RateLimitedException extends ApiException {

    public RateLimitedException(long retryAfterSeconds) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate_limited",
                "too many attempts; try again in " + retryAfterSeconds + " seconds",
                Map.of("retry_after_seconds", retryAfterSeconds));
    }
}
