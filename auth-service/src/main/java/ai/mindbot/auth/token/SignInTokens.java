package ai.mindbot.auth.token;

/**
 * What register, login, refresh and password change answer: the seed's
 * {@code {access_token, token_type: "bearer", livekit_token, livekit_url}} plus {@code expires_in},
 * the {@code refresh_token} that renews it, and the personal room the LiveKit token is for.
 */
public record SignInTokens(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        String livekitToken,
        String livekitUrl,
        String roomName) {}
