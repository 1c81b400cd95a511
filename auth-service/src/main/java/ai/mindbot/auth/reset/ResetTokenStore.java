package ai.mindbot.auth.reset;

import ai.mindbot.auth.token.OpaqueTokens;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code password_reset_tokens} table. A token is 256 random bits of which only the SHA-256 is
 * kept, so a copy of the database resets nobody's password. Spending one is a single conditional
 * UPDATE, so two clicks on one link cannot both reset.
 */
@Repository
class ResetTokenStore {

    private final JdbcClient db;
    private final ResetSettings settings;
    private final Clock clock;

    ResetTokenStore(JdbcClient db, ResetSettings settings, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new token for the user; earlier unspent ones stay valid until they expire or one is used. */
    String issue(long userId) {
        String token = OpaqueTokens.generate();
        long now = clock.millis();
        db.sql("""
                INSERT INTO password_reset_tokens (token_hash, user_id, created_at, expires_at)
                VALUES (:hash, :user, :now, :expires)""")
                .param("hash", OpaqueTokens.hash(token))
                .param("user", userId)
                .param("now", now)
                .param("expires", now + settings.tokenTtl().toMillis())
                .update();
        return token;
    }

    /** The user the token resets, spending it; empty when it is unknown, used or expired. */
    Optional<Long> spend(String token) {
        long now = clock.millis();
        return db.sql("""
                UPDATE password_reset_tokens SET used_at = :now
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > :now
                RETURNING user_id""")
                .param("now", now)
                .param("hash", OpaqueTokens.hash(token))
                .query(Long.class)
                .optional();
    }

    /** After a reset, the user's other links are void: only the newest request was meant to count. */
    void voidAll(long userId) {
        db.sql("UPDATE password_reset_tokens SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
                .param("now", clock.millis())
                .param("user", userId)
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        db.sql("DELETE FROM password_reset_tokens WHERE expires_at < :now")
                .param("now", clock.millis())
                .update();
    }
}
