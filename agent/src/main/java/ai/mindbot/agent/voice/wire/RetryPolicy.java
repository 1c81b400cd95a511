package ai.mindbot.agent.voice.wire;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a provider request again and how long to wait first. The same rule as the OpenAI SDK
 * uses for chat, so every provider behaves alike: retry 408, 409, 429 and 5xx a bounded number of
 * times; wait what {@code Retry-After} says (seconds or an HTTP date), else 0.5 s doubling; never
 * more than 8 s, because a voice turn that waits longer has already failed for the person talking.
 *
 * @param maxRetries retries after the first attempt (the SDK's default is 2)
 */
public record RetryPolicy(int maxRetries, Clock clock) {

    public static final Duration MAX_DELAY = Duration.ofSeconds(8);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more");
        }
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(2, Clock.systemUTC());
    }

    /** Whether a response with {@code status} is worth another attempt. 401/403/400 never are. */
    public static boolean retryable(int status) {
        return status == 408 || status == 409 || status == 429 || status >= 500;
    }

    /** The wait before retry number {@code retry} (1-based), given the refusing answer's {@code Retry-After}. */
    public Duration delay(int retry, Optional<String> retryAfter) {
        Optional<Duration> told = retryAfter.flatMap(this::parse);
        if (told.isPresent()) {
            return clamp(told.get());
        }
        double seconds = Math.min(0.5 * Math.pow(2, retry - 1), MAX_DELAY.toSeconds());
        return Duration.ofMillis((long) (seconds * 1000));
    }

    private Optional<Duration> parse(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Optional.of(Duration.between(clock.instant(), at.toInstant()));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Duration clamp(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }
}
