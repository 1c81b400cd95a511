package ai.mindbot.auth.token;

/** A signed access token and how many seconds it stays valid. */
public record IssuedToken(String value, long expiresInSeconds) {}
