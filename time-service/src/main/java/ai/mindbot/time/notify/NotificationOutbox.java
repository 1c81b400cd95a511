package ai.mindbot.time.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notification_outbox table. A row is claimed with a conditional update that pushes its next
 * attempt past a lease, so two delivery workers never send the same row at once; a sent row is
 * marked delivered and never sent again.
 */
@Repository
class NotificationOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String userId, String kind, String email, long balanceSeconds, long thresholdSeconds, long now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("email", email);
        payload.put("balance_seconds", balanceSeconds);
        payload.put("threshold_seconds", thresholdSeconds);
        jdbc.sql("""
                INSERT INTO notification_outbox (user_id, kind, payload, created_at, attempts, next_attempt_at)
                VALUES (:user, :kind, :payload, :now, 0, :now)""")
                .param("user", userId)
                .param("kind", kind)
                .param("payload", json.writeValueAsString(payload))
                .param("now", now)
                .update();
    }

    List<Notification> due(long now, int limit) {
        return jdbc.sql("""
                SELECT id, user_id, kind, payload, attempts FROM notification_outbox
                WHERE delivered_at IS NULL AND next_attempt_at <= :now ORDER BY id LIMIT :limit""")
                .param("now", now)
                .param("limit", limit)
                .query((rs, n) -> {
                    JsonNode payload = json.readTree(rs.getString("payload"));
                    JsonNode email = payload.path("email");
                    return new Notification(
                            rs.getLong("id"),
                            rs.getString("user_id"),
                            rs.getString("kind"),
                            email.isString() ? email.asString() : null,
                            payload.path("balance_seconds").asLong(),
                            rs.getInt("attempts"));
                })
                .list();
    }

    /** Takes the row for one attempt until {@code leaseUntil}; false if another worker took it. */
    boolean claim(Notification n, long now, long leaseUntil) {
        return jdbc.sql("""
                UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = :lease
                WHERE id = :id AND delivered_at IS NULL AND next_attempt_at <= :now AND attempts = :attempts""")
                        .param("lease", leaseUntil)
                        .param("id", n.id())
                        .param("now", now)
                        .param("attempts", n.attempts())
                        .update()
                == 1;
    }

    void delivered(long id, long now) {
        jdbc.sql("UPDATE notification_outbox SET delivered_at = :now WHERE id = :id AND delivered_at IS NULL")
                .param("now", now)
                .param("id", id)
                .update();
    }

    void retryAt(long id, long at) {
        jdbc.sql("UPDATE notification_outbox SET next_attempt_at = :at WHERE id = :id AND delivered_at IS NULL")
                .param("at", at)
                .param("id", id)
                .update();
    }
}
