package ai.mindbot.time.livekit;

import java.util.Optional;

/** The auth service names a signed-in user's LiveKit participant {@code user-<id>}; guests are {@code guest-...}. */
final class LiveKitIdentity {

    private static final String USER_PREFIX = "user-";

    private LiveKitIdentity() {}

    static Optional<String> userIdOf(String identity) {
        if (identity == null || !identity.startsWith(USER_PREFIX) || identity.length() == USER_PREFIX.length()) {
            return Optional.empty();
        }
        return Optional.of(identity.substring(USER_PREFIX.length()));
    }
}
