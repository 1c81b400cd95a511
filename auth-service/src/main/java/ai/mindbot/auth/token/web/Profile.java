package ai.mindbot.auth.token.web;

import ai.mindbot.auth.account.UserAccount;
import java.util.List;

/** {@code GET /auth/me}: who the token's owner is; {@code created_at} in epoch milliseconds, as in every API. */
record Profile(long id, String email, String fullName, List<String> roles, long createdAt, String livekitIdentity) {

    static Profile of(UserAccount account, List<String> roles, String livekitIdentity) {
        return new Profile(
                account.id(),
                account.email(),
                account.fullName(),
                roles,
                account.createdAt().toEpochMilli(),
                livekitIdentity);
    }
}
