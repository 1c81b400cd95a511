package ai.mindbot.time.bench;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.session.Requester;
import ai.mindbot.time.session.SessionMeter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heartbeat and balance-read throughput through the whole HTTP stack (Tomcat, JWT verification,
 * Spring MVC, JSON, the database), next to the same database's ceiling for a single-row UPDATE
 * (autocommit, one row per thread) measured in the same run on the same machine.
 * Run by scripts/bench-time; arguments: seconds per measurement, threads, databases, JIT warm-up
 * seconds, and optionally {@code mix [reads-per-heartbeat] [pace-millis]}: then {@code threads}
 * clients each alternate a heartbeat and balance reads at once (back to back, or one round per
 * pace), against the service with its shipped pool sizes, and each kind's p50/p99 is reported.
 */
public final class TimeServiceBench {

    private TimeServiceBench() {}

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 8, 20);
        double seconds = arguments.seconds();
        int threads = arguments.threads();
        double jitWarmup = arguments.jitWarmup();
        boolean mix = arguments.own(0, "").equals("mix");
        int readsPerBeat = Integer.parseInt(arguments.own(1, "1"));
        long paceMillis = Long.parseLong(arguments.own(2, "0"));
        List<String> rows = new ArrayList<>();
        for (TestDatabase database : arguments.databases()) {
            rows.addAll(
                    mix
                            ? mixed(database, seconds, threads, jitWarmup, readsPerBeat, paceMillis)
                            : bench(database, seconds, threads, jitWarmup));
        }
        if (mix) {
            System.out.println();
            System.out.printf(
                    "%d clients, each a heartbeat then %d balance read(s), %s; %.0f s measured after"
                            + " %.0f s warm-up; shipped pool sizes; %d cores, Java %s%n",
                    threads,
                    readsPerBeat,
                    paceMillis > 0 ? "a round every " + paceMillis + " ms" : "no pause",
                    seconds,
                    jitWarmup,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.println("| database | operation | ops/s | ok | failed | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|---:|");
            rows.forEach(System.out::println);
            System.exit(0);
        }
        System.out.println();
        System.out.printf(
                "threads=%d, %.0f s per measurement (each after %.0f s warm-up; %.0f s JIT warm-up of the"
                        + " HTTP path first), %d cores, Java %s%n",
                threads,
                seconds,
                warmup(seconds),
                jitWarmup,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        System.out.println(
                "| database | measurement | ops/s | ok | failed | p50 ms | p99 ms | CPU µs/op | vs. UPDATE ceiling |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0); // embedded PostgreSQL's shutdown hook stops it
    }

    private static double warmup(double seconds) {
        return Math.max(1, seconds / 4);
    }

    private static List<String> bench(TestDatabase database, double seconds, int threads, double jitWarmup)
            throws Exception {
        try (RunningService service = BenchService.start(BenchService.properties(
                database, 600, Map.of("mindbot.db.pool-size", String.valueOf(Math.max(10, threads + 2)))))) {
            BenchService.Clients clients = BenchService.clients(service, "bench-", threads);
            String[] sessions = clients.sessions();
            Http http = new Http(service.baseUrl());
            String readPath = http.get("/time/balance", clients.tokens()[0]).status() == 200 ? "/time/balance" : null;
            String readLabel =
                    readPath != null ? "GET /time/balance" : "GET /time/sessions/{id} (no /time/balance in this build)";

            Throughput.Result ceiling = rawUpdateCeiling(service.context().getBean(DataSource.class), threads, seconds);
            SessionMeter meter = service.context().getBean(SessionMeter.class);
            Throughput.Operation heartbeat = clients::heartbeat;
            Throughput.Operation read =
                    t -> clients.get(t, readPath != null ? readPath : "/time/sessions/" + sessions[t]);
            // Let the JIT compile the whole path before anything is measured: on 2 busy cores C2 needs
            // tens of seconds for Spring's deep stacks, and a cold run measures the compiler.
            Throughput.measure(
                    threads,
                    0,
                    jitWarmup,
                    t -> heartbeat.run(t)
                            && read.run(t)
                            && meter.heartbeat(sessions[t], Requester.INTERNAL).sliceSeconds() > 0);
            Throughput.Result heartbeats = Throughput.measure(threads, warmup(seconds), seconds, heartbeat);
            Throughput.Result inProcess = Throughput.measure(
                    threads,
                    warmup(seconds),
                    seconds,
                    t -> meter.heartbeat(sessions[t], Requester.INTERNAL).sliceSeconds() > 0);
            Throughput.Result reads = Throughput.measure(threads, warmup(seconds), seconds, read);
            Throughput.Result rawReads = rawReadCeiling(service.context().getBean(DataSource.class), threads, seconds);

            int mismatches =
                    service.context().getBean(LedgerAudit.class).mismatches().size();
            long entries = service.context()
                    .getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM ledger_entries WHERE kind = 'session_usage'")
                    .query(Long.class)
                    .single();
            System.out.printf(
                    "%s: %d session_usage entries written, ledger audit mismatches: %d%n",
                    database, entries, mismatches);
            String db = database.name().toLowerCase(Locale.ROOT);
            return List.of(
                    row(db, "raw single-row UPDATE (autocommit, JDBC)", ceiling, ceiling),
                    row(db, "POST /time/sessions/{id}/heartbeat", heartbeats, ceiling),
                    row(db, "SessionMeter.heartbeat in-process (no HTTP)", inProcess, ceiling),
                    row(db, readLabel, reads, ceiling),
                    row(db, "raw single-row SELECT (JDBC), for reference", rawReads, ceiling));
        }
    }

    /** {@code clients} users, each with a live session, heartbeating and reading their balance at once. */
    private static List<String> mixed(
            TestDatabase database, double seconds, int clients, double warmup, int readsPerBeat, long paceMillis)
            throws Exception {
        // a day's slice: on the 1000x clock no client's gap between heartbeats may lapse its hold
        try (RunningService service = BenchService.start(BenchService.properties(database, 86400, Map.of()))) {
            BenchService.Clients all = BenchService.clients(service, "mix-", clients);
            Throughput.Operation heartbeat = all::heartbeat;
            Throughput.Operation read = t -> all.get(t, "/time/balance");
            MixedLoad.Results results =
                    MixedLoad.run(clients, readsPerBeat, paceMillis, warmup, seconds, heartbeat, read);
            int mismatches =
                    service.context().getBean(LedgerAudit.class).mismatches().size();
            System.out.printf("%s: ledger audit mismatches after the run: %d%n", database, mismatches);
            String db = database.name().toLowerCase(Locale.ROOT);
            return List.of(
                    mixRow(db, "POST /time/sessions/{id}/heartbeat", results.heartbeats()),
                    mixRow(db, "GET /time/balance", results.reads()));
        }
    }

    private static String mixRow(String db, String what, MixedLoad.Result r) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.0f | %d | %d | %.1f | %.1f | %.1f |",
                db,
                what,
                r.perSecond(),
                r.ok(),
                r.failed(),
                r.p50Millis(),
                r.p99Millis(),
                r.maxMillis());
    }

    private static String row(String db, String what, Throughput.Result r, Throughput.Result ceiling) {
        return String.format(
                Locale.ROOT, "| %s | %s | %s | %.2f |", db, what, r.cells(), r.perSecond() / ceiling.perSecond());
    }

    private static Throughput.Result rawUpdateCeiling(DataSource dataSource, int threads, double seconds)
            throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE bench_ceiling (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)");
            for (int t = 0; t < threads; t++) {
                s.execute("INSERT INTO bench_ceiling (id, n) VALUES (" + t + ", 0)");
            }
        }
        return Throughput.measure(threads, warmup(seconds), seconds, t -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement update = c.prepareStatement("UPDATE bench_ceiling SET n = n + 1 WHERE id = ?")) {
                update.setInt(1, t);
                return update.executeUpdate() == 1;
            }
        });
    }

    private static Throughput.Result rawReadCeiling(DataSource dataSource, int threads, double seconds)
            throws Exception {
        return Throughput.measure(threads, warmup(seconds), seconds, t -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement read = c.prepareStatement("SELECT n FROM bench_ceiling WHERE id = ?")) {
                read.setInt(1, t);
                try (var rs = read.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }
}
