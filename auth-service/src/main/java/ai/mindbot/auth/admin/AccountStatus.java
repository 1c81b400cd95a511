package ai.mindbot.auth.admin;

import ai.mindbot.auth.account.UserAccount;
import java.time.Instant;
import java.util.List;

/**
 * An account as admins see it; {@code disabled_at}/{@code disabled_reason} only when disabled.
 * Times are epoch milliseconds, as in every API.
 */
record AccountStatus(
        long id,
        String email,
        String fullName,
        long createdAt,
        boolean disabled,
        Long disabledAt,
        String disabledReason,
        List<String> roles) {

    static AccountStatus of(UserAccount account, List<String> roles) {
        Instant disabledAt = account.disabledAt();
        return new AccountStatus(
                account.id(),
                account.email(),
                account.fullName(),
                account.createdAt().toEpochMilli(),
                account.disabled(),
                disabledAt == null ? null : disabledAt.toEpochMilli(),
                account.disabledReason(),
                roles);
    }
}
