package ai.mindbot.launcher.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The money promises, read straight from the shared PostgreSQL after the storm: each is a query
 * whose answer must be empty (or zero), so a failure names the rows that broke it.
 */
final class LedgerChecks {

    private final String jdbcUrl;

    LedgerChecks(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    void run(ClusterReport report, List<String> smallGrantUsers, int pendingIntents) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            List<String> twice = rows(db, """
                    SELECT cause_id || ' x' || COUNT(*) FROM ledger_entries
                    WHERE kind = 'purchase_credit' GROUP BY cause_id HAVING COUNT(*) <> 1""");
            report.check(
                    "every PaymentIntent credited exactly once", twice.isEmpty(), "credited more than once: " + twice);

            List<String> uncredited = rows(db, """
                    SELECT p.id || ' ' || p.status FROM purchases p
                    WHERE (p.status = 'succeeded') <> EXISTS (SELECT 1 FROM ledger_entries e
                        WHERE e.kind = 'purchase_credit' AND e.cause_type = 'payment_intent'
                        AND e.cause_id = p.payment_intent_id)""");
            report.check(
                    "a purchase has a credit if and only if it succeeded",
                    uncredited.isEmpty(),
                    "mismatched: " + uncredited);

            long settledByWebhook = count(db, """
                    SELECT COUNT(*) FROM purchases WHERE status = 'succeeded'
                    AND payment_intent_id IN (SELECT payment_intent_id FROM stripe_events)""");
            report.check(
                    "every 3-D Secure purchase was settled by its webhooks",
                    settledByWebhook == pendingIntents,
                    settledByWebhook + " of " + pendingIntents);

            List<String> drifted = rows(db, """
                    SELECT a.user_id || ' balance ' || a.balance_seconds || ' ledger ' || COALESCE(SUM(e.seconds), 0)
                    FROM accounts a LEFT JOIN ledger_entries e ON e.user_id = a.user_id
                    GROUP BY a.user_id, a.balance_seconds HAVING a.balance_seconds <> COALESCE(SUM(e.seconds), 0)""");
            report.check(
                    "every balance equals the sum of its ledger entries", drifted.isEmpty(), "drifted: " + drifted);

            List<String> negative = rows(db, """
                    SELECT user_id || ' balance ' || balance_seconds || ' reserved ' || reserved_seconds FROM accounts
                    WHERE balance_seconds < 0 OR reserved_seconds <> 0""");
            report.check(
                    "no balance below zero and nothing left reserved", negative.isEmpty(), "accounts: " + negative);

            List<String> overspent = new ArrayList<>();
            for (String user : smallGrantUsers) {
                long used = count(
                        db,
                        "SELECT COALESCE(SUM(used_seconds), 0) FROM voice_sessions WHERE user_id = '"
                                + user.replace("'", "") + "'");
                if (used > ClusterWorkload.SMALL_GRANT_SECONDS) {
                    overspent.add(user + " used " + used);
                }
            }
            report.check(
                    "no user talked longer than they had (" + smallGrantUsers.size() + " users, four calls each on "
                            + ClusterWorkload.SMALL_GRANT_SECONDS + " s)",
                    overspent.isEmpty(),
                    "overspent: " + overspent);

            List<String> unbilled = rows(db, """
                    SELECT s.id || ' used ' || s.used_seconds || ' ledger ' || COALESCE(-SUM(e.seconds), 0)
                    FROM voice_sessions s LEFT JOIN ledger_entries e
                        ON e.kind = 'session_usage' AND e.cause_id LIKE s.id || '#%'
                    GROUP BY s.id, s.used_seconds HAVING s.used_seconds <> COALESCE(-SUM(e.seconds), 0)""");
            report.check(
                    "every session's seconds are on the ledger, once", unbilled.isEmpty(), "sessions: " + unbilled);

            List<String> live = rows(db, "SELECT id || ' ' || status FROM voice_sessions WHERE status = 'active'");
            report.check("every session settled (ended or expired)", live.isEmpty(), "still active: " + live);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
