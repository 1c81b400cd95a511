package ai.mindbot.admin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.admin.AdminDashboardApplication;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.ServiceSchema;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Revenue and usage over 30 days on PostgreSQL holding a year of business (default 10 million
 * sessions, a million purchases, 100,000 users), measured through HTTP against the real admin
 * service. Not a test of behaviour: run it with scripts/bench-admin, which passes the sizes
 * (-Dbench.sessions, -Dbench.purchases, -Dbench.users, -Dbench.requests). Results are printed and
 * written to target/bench-admin.md.
 */
class AdminReportsBenchmark {

    @Test
    void revenueAndUsageOverThirtyDays() throws Exception {
        long sessions = Long.getLong("bench.sessions", 10_000_000);
        long purchases = Long.getLong("bench.purchases", 1_000_000);
        long users = Long.getLong("bench.users", 100_000);
        int requests = Integer.getInteger("bench.requests", 200);
        StringBuilder report = new StringBuilder();

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("shared_buffers", "1GB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("maintenance_work_mem", "512MB")
                .setServerConfig("max_wal_size", "8GB")
                .start()) {
            try (var c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("CREATE DATABASE bench");
            }
            String url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/bench";
            SingleConnectionDataSource source = new SingleConnectionDataSource(
                    "jdbc:postgresql://localhost:" + pg.getPort() + "/bench", "postgres", "postgres", true);
            JdbcClient db = JdbcClient.create(source);
            ServiceSchema.migrate("time", TestDatabase.POSTGRESQL, source);
            ServiceSchema.migrate("auth", TestDatabase.POSTGRESQL, source);

            long t0 = System.nanoTime();
            BenchData.generate(db, users, purchases, sessions, System.currentTimeMillis());
            double generateSeconds = (System.nanoTime() - t0) / 1e9;
            line(
                    report,
                    "PostgreSQL %s (embedded, zonky), %d cores",
                    db.sql("SHOW server_version").query(String.class).single(),
                    Runtime.getRuntime().availableProcessors());
            line(
                    report,
                    "data: %,d users, %,d purchases, %,d voice sessions over 365 days; generated, indexed and analyzed in %.0f s",
                    users,
                    purchases,
                    sessions,
                    generateSeconds);
            line(
                    report,
                    "table sizes: voice_sessions %s, purchases %s",
                    db.sql("SELECT pg_size_pretty(pg_total_relation_size('voice_sessions'))")
                            .query(String.class)
                            .single(),
                    db.sql("SELECT pg_size_pretty(pg_total_relation_size('purchases'))")
                            .query(String.class)
                            .single());

            // For comparison: the same figures straight from the time tables, no rollup.
            long start30 = (Math.floorDiv(System.currentTimeMillis(), BenchData.DAY) - 29) * BenchData.DAY;
            long end = System.currentTimeMillis() + BenchData.DAY;
            line(
                    report,
                    "30 days read directly from the time tables (no rollup), median of 3: usage %.0f ms, revenue %.0f ms",
                    median(db, USAGE_OF_A_DAY, start30, end),
                    median(db, REVENUE_SHAPE, start30, end));

            long startedAt = System.nanoTime();
            try (RunningService admin = RunningService.start(
                    AdminDashboardApplication.builder(),
                    Map.of(
                            "DATABASE_URL",
                            url,
                            "JWT_SECRET",
                            Tokens.SECRET,
                            "MINDBOT_DATA_DIR",
                            Files.createTempDirectory("bench-admin").toString(),
                            // Worst case for freshness: refresh the rollups on every request, not at most every 2 s.
                            "mindbot.admin.rollup-interval",
                            "0s"))) {
                HttpClient http = HttpClient.newHttpClient();
                String token = Tokens.admin("1", "bench@mindbot.test");
                get(http, admin.url("/admin/analytics/usage?days=30"), token);
                line(
                        report,
                        "start-up until the first usage answer (waits for the background warm-up: the rollups"
                                + " of the whole year): %.1f s",
                        (System.nanoTime() - startedAt) / 1e9);
                long yesterday = (Math.floorDiv(System.currentTimeMillis(), BenchData.DAY) - 1) * BenchData.DAY;
                line(
                        report,
                        "one full day read live (what 'today' costs at 23:59 UTC at most), median of 3: usage %.0f ms, revenue %.0f ms",
                        median(db, USAGE_OF_A_DAY, yesterday, yesterday + BenchData.DAY),
                        median(db, REVENUE_SHAPE, yesterday, yesterday + BenchData.DAY));
                for (String path : List.of(
                        "/admin/analytics/revenue?days=30", "/admin/analytics/usage?days=30", "/admin/dashboard")) {
                    for (int i = 0; i < 20; i++) {
                        get(http, admin.url(path), token);
                    }
                    List<Double> millis = new ArrayList<>();
                    for (int i = 0; i < requests; i++) {
                        long s = System.nanoTime();
                        get(http, admin.url(path), token);
                        millis.add((System.nanoTime() - s) / 1e6);
                    }
                    millis.sort(null);
                    line(
                            report,
                            "GET %-34s %d requests: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                            path,
                            requests,
                            pct(millis, 50),
                            pct(millis, 95),
                            pct(millis, 99),
                            millis.get(millis.size() - 1));
                }
            }
        }
        System.out.println("\n== admin reports benchmark\n" + report);
        Path out = Path.of("target", "bench-admin.md");
        Files.writeString(out, report.toString());
    }

    /** The shapes of the live reads (RevenueRow, DayUsage), with active users counted over the whole range. */
    private static final String REVENUE_SHAPE = """
            SELECT created_at / 86400000, package_id, currency, COUNT(*), SUM(amount_cents), SUM(refunded_cents), SUM(seconds)
            FROM purchases WHERE created_at >= :from AND created_at < :to AND succeeded_at IS NOT NULL
            GROUP BY created_at / 86400000, package_id, currency
            """;

    private static final String USAGE_OF_A_DAY = """
            SELECT COUNT(DISTINCT user_id), COUNT(*), SUM(used_seconds),
                   SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END)
            FROM voice_sessions WHERE started_at >= :from AND started_at < :to
            """;

    private static double median(JdbcClient db, String sql, long from, long to) {
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long t = System.nanoTime();
            db.sql(sql).param("from", from).param("to", to).query().listOfRows();
            millis[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        return millis[1];
    }

    private static void line(StringBuilder report, String format, Object... args) {
        report.append("- ").append(String.format(format, args)).append('\n');
        System.out.println(String.format(format, args));
    }

    private static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + " " + r.body()).isEqualTo(200);
    }
}
