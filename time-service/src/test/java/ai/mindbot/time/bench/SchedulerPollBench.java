package ai.mindbot.time.bench;

import ai.mindbot.common.db.SqlDialect;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.testing.TimeService;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What db-scheduler's polling costs an idle time service (no job due, so every poll finds
 * nothing): the CPU time of the scheduler's threads over an idle window at two poll intervals
 * (with the JVM's total beside it), and the poll's own query run by hand. Results:
 * docs/benchmarks/time-service.md#scheduler-polling.
 *
 * <pre>scripts/bench-jobs [idle-seconds=60] [polls-by-hand=20000]</pre>
 */
public final class SchedulerPollBench {

    /** db-scheduler's due-executions query (fetch-and-lock-on-execute), as it sends it with three threads. */
    static final String POLL = "select * from time_scheduled_tasks where picked = ? and execution_time <= ? "
            + "order by execution_time asc LIMIT 12";

    public static void main(String[] args) throws Exception {
        int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int byHand = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        StringBuilder idle = new StringBuilder();
        StringBuilder queries = new StringBuilder();
        for (TestDatabase database : List.of(TestDatabase.SQLITE, TestDatabase.POSTGRESQL)) {
            for (long pollMillis : new long[] {1_000, 100}) {
                try (TimeService time = TimeService.onHandMovedClock(
                        database,
                        Map.of("JOBS_POLL_MILLIS", Long.toString(pollMillis), "logging.level.root", "WARN"))) {
                    Thread.sleep(5_000); // start-up settles
                    long scheduler = schedulerCpuNanos();
                    long jvm = jvmCpuNanos();
                    Thread.sleep(idleSeconds * 1000L);
                    double schedulerMillis = (schedulerCpuNanos() - scheduler) / 1e6;
                    double jvmMillis = (jvmCpuNanos() - jvm) / 1e6;
                    long polls = idleSeconds * 1000L / pollMillis;
                    idle.append(String.format(
                            Locale.ROOT,
                            "| %s | %d ms | %d | %.0f | %.0f | %.0f |%n",
                            database,
                            pollMillis,
                            polls,
                            schedulerMillis * 60 / idleSeconds,
                            schedulerMillis * 1000 / polls,
                            jvmMillis * 60 / idleSeconds));
                    if (pollMillis == 100) {
                        queries.append(pollsByHand(
                                database, time.bean(DataSource.class), time.bean(SqlDialect.class), byHand));
                    }
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "| database | poll interval | polls in %d s | scheduler threads' CPU ms per minute "
                        + "| CPU µs per poll | whole JVM CPU ms per minute |%n",
                idleSeconds);
        System.out.println("|---|---|---|---|---|---|");
        System.out.print(idle);
        System.out.println();
        System.out.println("| database | poll query by hand | µs per poll (wall) |");
        System.out.println("|---|---|---|");
        System.out.print(queries);
    }

    /** The poll's query, one connection from the service's pool per call as the scheduler takes it. */
    static String pollsByHand(TestDatabase database, DataSource dataSource, SqlDialect dialect, int count)
            throws Exception {
        for (int i = 0; i < count / 4; i++) { // warm-up
            poll(dataSource, dialect);
        }
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            poll(dataSource, dialect);
        }
        double micros = (System.nanoTime() - started) / 1e3 / count;
        return String.format(Locale.ROOT, "| %s | %d | %.0f |%n", database, count, micros);
    }

    private static void poll(DataSource dataSource, SqlDialect dialect) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(POLL)) {
            statement.setBoolean(1, false);
            if (dialect == SqlDialect.POSTGRESQL) {
                statement.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
            } else {
                statement.setLong(2, System.currentTimeMillis());
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
    }

    /** CPU time of db-scheduler's own threads (polling, heartbeats, dead-execution checks), JDBC included. */
    private static long schedulerCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("db-scheduler")) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static long jvmCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
