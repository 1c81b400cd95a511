package ai.mindbot.admin.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year of business generated inside PostgreSQL with generate_series: users, their accounts,
 * purchases and voice sessions spread evenly over the year up to now (in time order, as they would
 * have been inserted), a few sessions still live. FK triggers are off during the load
 * (session_replication_role = replica) and the secondary indexes of the two big tables are built
 * after it, with the time service's own definitions.
 */
final class BenchData {

    static final long DAY = 86_400_000L;

    private BenchData() {}

    static void generate(JdbcClient db, long users, long purchases, long sessions, long now) {
        long span = 365 * DAY;
        long start = now - span;
        db.sql("SET session_replication_role = replica").update();
        db.sql("""
                INSERT INTO users (id, email, full_name, password_hash, created_at, updated_at)
                SELECT i, 'user' || i || '@bench.test', 'Bench User ' || i, 'x', :start, :start
                FROM generate_series(1, :n) i
                """).param("start", start).param("n", users).update();
        db.sql("""
                INSERT INTO accounts (user_id, balance_seconds, created_at, updated_at)
                SELECT i::text, (i % 100) * 60, :start, :start FROM generate_series(1, :n) i
                """).param("start", start).param("n", users).update();

        for (String index : new String[] {
            "purchases_user_time",
            "purchases_status_succeeded",
            "purchases_time",
            "purchases_updated",
            "purchases_troubled",
            "voice_sessions_user_time",
            "voice_sessions_status_expiry",
            "voice_sessions_room",
            "voice_sessions_time",
            "voice_sessions_open"
        }) {
            db.sql("DROP INDEX " + index).update();
        }
        // 1 in 20 purchases failed; 1 in 50 partly refunded; three packages.
        db.sql("""
                INSERT INTO purchases (id, user_id, package_id, seconds, amount_cents, currency, status, provider,
                    payment_intent_id, refunded_cents, created_at, updated_at, succeeded_at, failure_code)
                SELECT 'pur_' || i, ((i * 7919) % :users + 1)::text,
                       (ARRAY['starter_1h', 'basic_5h', 'pro_20h'])[(i % 3)::int + 1],
                       (ARRAY[3600, 18000, 72000])[(i % 3)::int + 1], (ARRAY[999, 3999, 12999])[(i % 3)::int + 1], 'usd',
                       CASE WHEN i % 20 = 0 THEN 'failed' WHEN i % 50 = 1 THEN 'refunded' ELSE 'succeeded' END,
                       'simulated', 'pi_' || i, CASE WHEN i % 50 = 1 THEN 500 ELSE 0 END,
                       t, t, CASE WHEN i % 20 = 0 THEN NULL ELSE t END,
                       CASE WHEN i % 20 = 0 THEN 'card_declined' END
                FROM (SELECT i, :start + i * (:span / :n) AS t FROM generate_series(1, :n) i) g
                """)
                .param("users", users)
                .param("start", start)
                .param("span", span)
                .param("n", purchases)
                .update();
        // Sessions of 1 to 31 minutes; those that started in the last 10 minutes are still live.
        db.sql("""
                INSERT INTO voice_sessions (id, user_id, room_name, status, reserved_seconds, used_seconds,
                    started_at, last_heartbeat_at, expires_at, ended_at, end_reason)
                SELECT 'ses_' || i, u, 'room-' || u, CASE WHEN live THEN 'active' ELSE 'ended' END,
                       CASE WHEN live THEN 120 ELSE 0 END, d,
                       t, t + d * 1000, t + d * 1000 + 120000,
                       CASE WHEN live THEN NULL ELSE t + d * 1000 END, CASE WHEN live THEN NULL ELSE 'user_left' END
                FROM (SELECT i, ((i * 104729) % :users + 1)::text AS u, 60 + (i * 37) % 1800 AS d,
                             :start + i * (:span / :n) AS t, :start + i * (:span / :n) > :now - 600000 AS live
                      FROM generate_series(1, :n) i) g
                """)
                .param("users", users)
                .param("start", start)
                .param("span", span)
                .param("n", sessions)
                .param("now", now)
                .update();
        db.sql("SET session_replication_role = DEFAULT").update();

        db.sql("CREATE INDEX purchases_user_time ON purchases (user_id, created_at)")
                .update();
        db.sql("CREATE INDEX purchases_status_succeeded ON purchases (status, succeeded_at)")
                .update();
        db.sql("CREATE INDEX purchases_time ON purchases (created_at)").update();
        db.sql("CREATE INDEX voice_sessions_user_time ON voice_sessions (user_id, started_at)")
                .update();
        db.sql("CREATE INDEX voice_sessions_status_expiry ON voice_sessions (status, expires_at)")
                .update();
        db.sql("CREATE INDEX voice_sessions_room ON voice_sessions (room_name, status)")
                .update();
        db.sql("CREATE INDEX voice_sessions_time ON voice_sessions (started_at)")
                .update();
        // The report indexes the time service publishes with its report views (V31)
        db.sql("CREATE INDEX purchases_updated ON purchases (updated_at)").update();
        db.sql(
                        "CREATE INDEX purchases_troubled ON purchases (created_at) WHERE status = 'failed' OR refunded_cents > 0")
                .update();
        db.sql("CREATE INDEX voice_sessions_open ON voice_sessions (started_at) WHERE ended_at IS NULL")
                .update();
        db.sql("VACUUM ANALYZE").update();
    }
}
