package ai.mindbot.auth.account.web;

import java.time.Instant;
import java.util.List;

import ai.mindbot.auth.account.UserAccount;

/** {@code GET /auth/me}: who the token's owner is. */
record Profile(long id, String email, String fullName, List<String> roles, Instant createdAt, String livekitIdentity) {

    static Profile of(UserAccount account, List<String> roles, String livekitIdentity) {
        return new Profile(account.id(), account.email(), account.fullName(), roles, account.createdAt(), livekitIdentity);
    }
}
