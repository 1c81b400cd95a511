package ai.mindbot.admin.users;

/**
 * One user in the admin's list. {@code disabled} is true when either service blocks them
 * ({@code login_disabled}: auth, {@code sessions_disabled}: time). Times in epoch milliseconds;
 * {@code last_activity_at} is the latest of sign-up, ledger entry and session start.
 */
public record UserSummary(
        String id,
        String email,
        String fullName,
        long createdAt,
        boolean disabled,
        boolean loginDisabled,
        boolean sessionsDisabled,
        boolean flagged,
        long balanceSeconds,
        long availableSeconds,
        long totalSpentCents,
        long lastActivityAt) {}
