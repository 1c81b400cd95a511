package ai.mindbot.auth.token;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens: random 256-bit strings of which only the SHA-256 is kept. Using one marks it used
 * in the same statement that checks it is still good (so two concurrent uses cannot both win) and
 * issues its successor in the same family; presenting a used one again means someone kept a copy,
 * so the whole family is revoked and both holders must sign in again.
 */
@Repository
class RefreshTokenStore {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenStore.class);

    private final JdbcClient db;
    private final TokenSettings settings;
    private final Clock clock;

    RefreshTokenStore(JdbcClient db, TokenSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** The user a successful rotation belongs to and the token that replaces the one presented. */
    public record Rotation(long userId, String refreshToken) {}

    /** Starts a new family (a login on one device). */
    public String startFamily(long userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    /** Trades a good token for its successor; {@link InvalidRefreshTokenException} otherwise. */
    public Rotation rotate(String presented) {
        long now = clock.millis();
        String hash = OpaqueTokens.hash(presented);
        Optional<Used> used = db.sql("""
                UPDATE refresh_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND revoked_at IS NULL AND expires_at > :now
                RETURNING user_id, family_id""")
                .param("now", now)
                .param("hash", hash)
                .query((rs, n) -> new Used(rs.getLong("user_id"), rs.getString("family_id")))
                .optional();
        if (used.isEmpty()) {
            revokeFamilyIfReused(hash, now);
            throw new InvalidRefreshTokenException();
        }
        return new Rotation(
                used.get().userId(), issue(used.get().userId(), used.get().familyId()));
    }

    /** Ends the sign-in the token belongs to, if it is this user's. */
    public void revokeFamily(String presented, long userId) {
        db.sql("""
                UPDATE refresh_tokens SET revoked_at = :now
                WHERE revoked_at IS NULL AND family_id IN
                      (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash AND user_id = :user)""")
                .param("now", clock.millis())
                .param("hash", OpaqueTokens.hash(presented))
                .param("user", userId)
                .update();
    }

    /** Ends every sign-in of the user (password change, disabled account, logout everywhere). */
    public int revokeAll(long userId) {
        return db.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", clock.millis())
                .param("user", userId)
                .update();
    }

    /** Forgets tokens past their expiry: nothing can use them, and reuse detection no longer needs them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        db.sql("DELETE FROM refresh_tokens WHERE expires_at < :now")
                .param("now", clock.millis())
                .update();
    }

    private void revokeFamilyIfReused(String hash, long now) {
        int revoked = db.sql("""
                UPDATE refresh_tokens SET revoked_at = :now
                WHERE revoked_at IS NULL AND family_id IN
                      (SELECT family_id FROM refresh_tokens WHERE token_hash = :hash AND used_at IS NOT NULL)""").param("now", now).param("hash", hash).update();
        if (revoked > 0) {
            log.warn("a used refresh token was presented again; revoked its sign-in family ({} tokens)", revoked);
        }
    }

    private String issue(long userId, String familyId) {
        String token = OpaqueTokens.generate();
        long now = clock.millis();
        db.sql("""
                INSERT INTO refresh_tokens (token_hash, user_id, family_id, created_at, expires_at)
                VALUES (:hash, :user, :family, :now, :expires)""")
                .param("hash", OpaqueTokens.hash(token))
                .param("user", userId)
                .param("family", familyId)
                .param("now", now)
                .param("expires", now + settings.refreshTtl().toMillis())
                .update();
        return token;
    }

    private record Used(long userId, String familyId) {}
}
