package ai.mindbot.launcher.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recurring jobs, judged by their work: the sweeper settled every abandoned session and, summed
 * over both time instances' logs, settled none twice; the outbox delivered every
 * notification, each announced once across the instances; and by the scheduler's record
 * ({@code job_runs}): each execution ran on one instance, no two runs of a job overlapped.
 */
final class JobChecks {

    private static final Pattern SWEPT = Pattern.compile("settled (\\d+) session\\(s\\) whose reservation lapsed");
    private static final Pattern NOTIFIED =
            Pattern.compile("notification (\\S+) for user (\\S+) \\(no SMTP configured");

    private final String jdbcUrl;

    JobChecks(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    void run(ClusterReport report, List<ServiceProcess> timeInstances, int abandonedCalls) throws SQLException {
        String logs = String.join(
                "\n", timeInstances.stream().map(ServiceProcess::logText).toList());
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "postgres")) {
            long lapsed = LedgerChecks.count(
                    db, "SELECT COUNT(*) FROM voice_sessions WHERE end_reason = 'reservation_lapsed'");
            report.check(
                    "the sweeper settled every abandoned call",
                    lapsed >= abandonedCalls,
                    lapsed + " lapsed sessions for " + abandonedCalls + " abandoned calls");
            long sweptInLogs = 0;
            Matcher swept = SWEPT.matcher(logs);
            while (swept.find()) {
                sweptInLogs += Long.parseLong(swept.group(1));
            }
            // A sweep logs its count after its last settlement commits, so an instance killed mid-sweep
            // leaves settlements no log line counts (CI saw 93 logged of 97): fewer is a kill, more is a
            // session settled twice. That each was billed once is the ledger checks' business.
            report.check(
                    "no lapsed session was swept twice across instances",
                    sweptInLogs <= lapsed,
                    "the instances' logs settled " + sweptInLogs + ", the database has " + lapsed);

            List<String> undelivered = LedgerChecks.rows(
                    db,
                    "SELECT id || ' ' || kind || ' attempts ' || attempts FROM notification_outbox WHERE delivered_at IS NULL");
            long notifications = LedgerChecks.count(db, "SELECT COUNT(*) FROM notification_outbox");
            report.check(
                    "the outbox delivered every notification",
                    notifications > 0 && undelivered.isEmpty(),
                    notifications + " notifications, undelivered: " + undelivered);

            Map<String, Integer> announced = new HashMap<>();
            Matcher notified = NOTIFIED.matcher(logs);
            while (notified.find()) {
                announced.merge(notified.group(2), 1, Integer::sum);
            }
            Map<String, Integer> expected = new HashMap<>();
            for (String user : LedgerChecks.rows(db, "SELECT user_id FROM notification_outbox")) {
                expected.merge(user, 1, Integer::sum);
            }
            report.check(
                    "each notification was sent once across instances",
                    announced.equals(expected),
                    announced.size() + " users notified in the logs, " + expected.size() + " in the outbox"
                            + (announced.equals(expected) ? "" : ": logs " + announced + " outbox " + expected));

            // the scheduler's own record: one row per execution, and no two runs of a job at once
            List<String> ran = LedgerChecks.rows(
                    db,
                    "SELECT job || ' ' || COUNT(*) || ' runs on '"
                            + " || COUNT(DISTINCT instance) || ' instances' FROM job_runs GROUP BY job ORDER BY job");
            List<String> twice = LedgerChecks.rows(
                    db,
                    "SELECT job || ' at ' || scheduled_for FROM job_runs"
                            + " GROUP BY job, scheduled_for HAVING COUNT(*) > 1");
            List<String> overlapping = LedgerChecks.rows(
                    db,
                    "SELECT a.job || ' ' || a.instance || '/' || b.instance"
                            + " FROM job_runs a JOIN job_runs b ON a.job = b.job AND a.id < b.id"
                            + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at");
            report.check(
                    "each recurring job execution ran on one instance, never two runs of a job at once",
                    ran.size() >= 3 && twice.isEmpty() && overlapping.isEmpty(),
                    ran
                            + (twice.isEmpty() ? "" : ", run twice: " + twice)
                            + (overlapping.isEmpty() ? "" : ", overlapping: " + overlapping));
        }
    }
}
