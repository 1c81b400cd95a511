package ai.mindbot.time.session;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sessions are metered, from SESSION_SLICE_SECONDS, SESSION_MIN_START_SECONDS,
 * SESSION_GRACE_SECONDS and SESSION_SWEEP_SECONDS (see time-service.properties).
 */
@ConfigurationProperties("mindbot.session")
record SessionSettings(long sliceSeconds, long minStartSeconds, long graceSeconds, long sweepSeconds) {

    public SessionSettings {
        if (sliceSeconds < 1 || minStartSeconds < 1 || graceSeconds < 0 || sweepSeconds < 1) {
            throw new IllegalArgumentException("session slice, minimum and sweep must be positive, grace not negative");
        }
        if (minStartSeconds > sliceSeconds) {
            throw new IllegalArgumentException("SESSION_MIN_START_SECONDS cannot exceed SESSION_SLICE_SECONDS");
        }
    }

    /** The next hold: a full slice when the account has it, otherwise everything it has left. */
    long nextSlice(long availableSeconds) {
        return Math.max(0, Math.min(sliceSeconds, availableSeconds));
    }
}
