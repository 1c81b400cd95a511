package ai.mindbot.common.redis;

/** Redis did not answer (down, restarting, too slow); the caller goes on without it. */
public class RedisUnavailableException extends RuntimeException {

    RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
