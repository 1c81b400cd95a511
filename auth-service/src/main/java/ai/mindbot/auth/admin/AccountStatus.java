package ai.mindbot.auth.admin;

import java.time.Instant;
import java.util.List;

import ai.mindbot.auth.account.UserAccount;

/** An account as admins see it; {@code disabled_at}/{@code disabled_reason} only when disabled. */
record AccountStatus(long id, String email, String fullName, Instant createdAt, boolean disabled,
        Instant disabledAt, String disabledReason, List<String> roles) {

    static AccountStatus of(UserAccount account, List<String> roles) {
        return new AccountStatus(account.id(), account.email(), account.fullName(), account.createdAt(),
                account.disabled(), account.disabledAt(), account.disabledReason(), roles);
    }
}
