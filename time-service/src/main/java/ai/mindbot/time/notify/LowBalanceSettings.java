package ai.mindbot.time.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** LOW_BALANCE_THRESHOLD_SECONDS: below this a balance is "low" (15 minutes by default). */
@ConfigurationProperties("mindbot.low-balance")
public record LowBalanceSettings(long thresholdSeconds) {

    public LowBalanceSettings {
        if (thresholdSeconds < 0) {
            throw new IllegalArgumentException("LOW_BALANCE_THRESHOLD_SECONDS cannot be negative");
        }
    }
}
