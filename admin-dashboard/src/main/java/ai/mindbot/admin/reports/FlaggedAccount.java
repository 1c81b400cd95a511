package ai.mindbot.admin.reports;

/** An account the time service flagged (a dispute), and why; {@code reason} may be null. */
public record FlaggedAccount(String userId, String reason) {}
