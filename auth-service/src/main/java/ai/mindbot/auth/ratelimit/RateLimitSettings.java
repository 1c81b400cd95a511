package ai.mindbot.auth.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many attempts each kind of caller gets per window ({@code AUTH_RATE_*}); 0 means unlimited.
 * Failed logins for one account past {@code loginPerAccount} are slowed down by
 * {@code loginSlowdownStep} each (up to {@code loginSlowdownMax}); from one address they are refused.
 */
@ConfigurationProperties("mindbot.auth.rate-limit")
record RateLimitSettings(
        int loginPerAccount,
        int loginPerAddress,
        Duration loginWindow,
        Duration loginSlowdownStep,
        Duration loginSlowdownMax,
        int registerPerAddress,
        Duration registerWindow,
        int guestPerAddress,
        Duration guestWindow,
        int resetPerAddress,
        int resetPerAccount,
        Duration resetWindow) {

    public RateLimitSettings {
        requirePositive(loginWindow, "login-window");
        requirePositive(registerWindow, "register-window");
        requirePositive(guestWindow, "guest-window");
        requirePositive(resetWindow, "reset-window");
        loginSlowdownStep = loginSlowdownStep == null ? Duration.ZERO : loginSlowdownStep;
        loginSlowdownMax = loginSlowdownMax == null ? Duration.ZERO : loginSlowdownMax;
        if (loginSlowdownStep.isNegative() || loginSlowdownMax.isNegative()) {
            throw new IllegalArgumentException("mindbot.auth.rate-limit.login-slowdown-* must not be negative");
        }
    }

    Limit limitFor(Bucket bucket) {
        return switch (bucket) {
            case LOGIN_ACCOUNT, LOGIN_ACCOUNT_ADDRESS -> new Limit(loginPerAccount, loginWindow);
            case LOGIN_ADDRESS, SERVICE_ADDRESS -> new Limit(loginPerAddress, loginWindow);
            case REGISTER_ADDRESS -> new Limit(registerPerAddress, registerWindow);
            case GUEST_ADDRESS -> new Limit(guestPerAddress, guestWindow);
            case RESET_ADDRESS -> new Limit(resetPerAddress, resetWindow);
            case RESET_ACCOUNT -> new Limit(resetPerAccount, resetWindow);
        };
    }

    /**
     * How long a login for an account with {@code failures} recent failures (this attempt included)
     * waits before its password is checked: nothing up to the per-account limit, then one step more
     * per failure, at most {@code loginSlowdownMax}.
     */
    Duration loginDelay(long failures) {
        long excess = failures - loginPerAccount;
        if (loginPerAccount <= 0 || excess <= 0) {
            return Duration.ZERO;
        }
        Duration delay = loginSlowdownStep.multipliedBy(Math.min(excess, 1_000));
        return delay.compareTo(loginSlowdownMax) > 0 ? loginSlowdownMax : delay;
    }

    Duration longestWindow() {
        Duration longest = loginWindow;
        for (Duration d : new Duration[] {registerWindow, guestWindow, resetWindow}) {
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    private static void requirePositive(Duration window, String name) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("mindbot.auth.rate-limit." + name + " must be a positive duration");
        }
    }

    /** At most {@code max} attempts in any {@code window}; {@code max <= 0} switches the limit off. */
    record Limit(int max, Duration window) {
        boolean unlimited() {
            return max <= 0;
        }
    }
}
