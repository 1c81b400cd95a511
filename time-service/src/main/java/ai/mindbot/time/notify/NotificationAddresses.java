package ai.mindbot.time.notify;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a user's notices go. The time service keeps no user directory: the address is the
 * {@code email} claim of the access token a session was started with, kept on the account.
 */
@Repository
public class NotificationAddresses {

    private final JdbcClient jdbc;

    NotificationAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the address; writes only when it changed, so a session start costs no extra write. */
    public void remember(String userId, String email) {
        jdbc.sql("""
                UPDATE accounts SET notify_email = :email
                WHERE user_id = :user AND (notify_email IS NULL OR notify_email <> :email)""")
                .param("email", email).param("user", userId).update();
    }

    public Optional<String> of(String userId) {
        return jdbc.sql("SELECT notify_email FROM accounts WHERE user_id = :user").param("user", userId)
                .query(String.class).optional();
    }
}
