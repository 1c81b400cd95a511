package ai.mindbot.auth.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many attempts each kind of caller gets per window ({@code AUTH_RATE_*}); 0 means unlimited. */
@ConfigurationProperties("mindbot.auth.rate-limit")
public record RateLimitSettings(
        int loginPerAccount, int loginPerAddress, Duration loginWindow,
        int registerPerAddress, Duration registerWindow,
        int guestPerAddress, Duration guestWindow,
        int resetPerAddress, int resetPerAccount, Duration resetWindow) {

    public RateLimitSettings {
        requirePositive(loginWindow, "login-window");
        requirePositive(registerWindow, "register-window");
        requirePositive(guestWindow, "guest-window");
        requirePositive(resetWindow, "reset-window");
    }

    Limit limitFor(Bucket bucket) {
        return switch (bucket) {
            case LOGIN_ACCOUNT -> new Limit(loginPerAccount, loginWindow);
            case LOGIN_ADDRESS, SERVICE_ADDRESS -> new Limit(loginPerAddress, loginWindow);
            case REGISTER_ADDRESS -> new Limit(registerPerAddress, registerWindow);
            case GUEST_ADDRESS -> new Limit(guestPerAddress, guestWindow);
            case RESET_ADDRESS -> new Limit(resetPerAddress, resetWindow);
            case RESET_ACCOUNT -> new Limit(resetPerAccount, resetWindow);
        };
    }

    Duration longestWindow() {
        Duration longest = loginWindow;
        for (Duration d : new Duration[] { registerWindow, guestWindow, resetWindow }) {
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
