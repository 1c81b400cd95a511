package ai.mindbot.admin.support;

import ai.mindbot.common.test.ServiceSchema;
import ai.mindbot.common.test.TestDatabase;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business data the dashboard reports on, written the way its owners would leave it: both
 * schemas, with the report views the dashboard reads, are built by the owners' own migrations
 * (db/time/{vendor} and db/auth/{vendor}, from the time-service and auth-service test dependencies).
 */
public final class Business {

    public static final long DAY = 86_400_000L;

    private final JdbcClient time;
    private final JdbcClient auth;

    private Business(DataSource timeSource, DataSource authSource) {
        this.time = JdbcClient.create(timeSource);
        this.auth = JdbcClient.create(authSource);
    }

    /** Builds both schemas, by their owners' migrations, in the database(s) the given service properties point at. */
    public static Business create(TestDatabase database, Map<String, String> properties) {
        boolean pg = database == TestDatabase.POSTGRESQL;
        DataSource timeSource = ServiceSchema.dataSource(
                database, pg ? properties.get("DATABASE_URL") : properties.get("TIME_DB_PATH"));
        DataSource authSource = pg ? timeSource : ServiceSchema.dataSource(database, properties.get("AUTH_DB_PATH"));
        ServiceSchema.migrate("time", database, timeSource);
        ServiceSchema.migrate("auth", database, authSource);
        return new Business(timeSource, authSource);
    }

    public JdbcClient time() {
        return time;
    }

    /** A signed-up user; answers the id (as the string the time service keys accounts by). */
    public String user(String email, String fullName, long createdAt) {
        Long id = auth.sql("""
                INSERT INTO users (email, full_name, password_hash, created_at, updated_at)
                VALUES (:email, :name, '{noop}x', :at, :at) RETURNING id
                """)
                .param("email", email)
                .param("name", fullName)
                .param("at", createdAt)
                .query(Long.class)
                .single();
        return String.valueOf(id);
    }

    public void disableLogin(String userId, long at) {
        auth.sql("UPDATE users SET disabled_at = :at WHERE id = :id")
                .param("at", at)
                .param("id", Long.parseLong(userId))
                .update();
    }

    public void account(String userId, long balanceSeconds, long reservedSeconds, long at) {
        time.sql("""
                INSERT INTO accounts (user_id, balance_seconds, reserved_seconds, created_at, updated_at)
                VALUES (:u, :b, :r, :at, :at)
                """)
                .param("u", userId)
                .param("b", balanceSeconds)
                .param("r", reservedSeconds)
                .param("at", at)
                .update();
    }

    /** A paid purchase (succeeded at creation), possibly partly refunded; answers its id. */
    public String paidPurchase(String userId, String packageId, long seconds, long cents, long refundedCents, long at) {
        return purchase(
                userId,
                packageId,
                seconds,
                cents,
                refundedCents,
                refundedCents > 0 ? "refunded" : "succeeded",
                at,
                at,
                null);
    }

    /** A purchase waiting for the customer (3-D Secure): not paid yet. */
    public String pendingPurchase(String userId, String packageId, long seconds, long cents, long at) {
        return purchase(userId, packageId, seconds, cents, 0, "requires_action", at, null, null);
    }

    public String failedPurchase(String userId, String packageId, long seconds, long cents, long at) {
        return purchase(userId, packageId, seconds, cents, 0, "failed", at, null, "card_declined");
    }

    private String purchase(
            String userId,
            String packageId,
            long seconds,
            long cents,
            long refundedCents,
            String status,
            long at,
            Long succeededAt,
            String failureCode) {
        String id = "pur_" + UUID.randomUUID();
        time.sql("""
                INSERT INTO purchases (id, user_id, package_id, seconds, amount_cents, currency, status, provider,
                    payment_intent_id, refunded_cents, failure_code, created_at, updated_at, succeeded_at)
                VALUES (:id, :u, :pkg, :s, :c, 'usd', :status, 'simulated', :pi, :ref, :fail, :at, :at, :ok)
                """)
                .param("id", id)
                .param("u", userId)
                .param("pkg", packageId)
                .param("s", seconds)
                .param("c", cents)
                .param("status", status)
                .param("pi", "pi_" + id)
                .param("ref", refundedCents)
                .param("fail", failureCode)
                .param("at", at)
                .param("ok", succeededAt)
                .update();
        return id;
    }

    /** A session that ended, billed {@code billedSeconds} in all; answers its id. */
    public String endedSession(String userId, long startedAt, long billedSeconds) {
        return session(userId, startedAt, billedSeconds, startedAt + billedSeconds * 1000, "ended");
    }

    /** A session still running, {@code usedSeconds} committed so far. */
    public String liveSession(String userId, long startedAt, long usedSeconds) {
        return session(userId, startedAt, usedSeconds, null, "active");
    }

    private String session(String userId, long startedAt, long used, Long endedAt, String status) {
        String id = "ses_" + UUID.randomUUID();
        time.sql("""
                INSERT INTO voice_sessions (id, user_id, room_name, status, reserved_seconds, used_seconds,
                    started_at, last_heartbeat_at, expires_at, ended_at, end_reason)
                VALUES (:id, :u, :room, :status, 0, :used, :at, :at, :exp, :ended, :why)
                """)
                .param("id", id)
                .param("u", userId)
                .param("room", "room-" + userId)
                .param("status", status)
                .param("used", used)
                .param("at", startedAt)
                .param("exp", startedAt + 300_000)
                .param("ended", endedAt)
                .param("why", endedAt == null ? null : "user_left")
                .update();
        return id;
    }

    public void ledger(String userId, String kind, long seconds, long balanceAfter, String causeId, long at) {
        time.sql("""
                INSERT INTO ledger_entries (user_id, kind, seconds, cause_type, cause_id, balance_after, actor, note, created_at)
                VALUES (:u, :kind, :s, 'test', :cause, :after, 'test', 'fixture', :at)
                """)
                .param("u", userId)
                .param("kind", kind)
                .param("s", seconds)
                .param("cause", causeId)
                .param("after", balanceAfter)
                .param("at", at)
                .update();
    }
}
