package ai.mindbot.time.bench;

import ai.mindbot.common.test.RedisServer;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.ledger.LedgerAudit;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /time/balance} with and without the Redis balance cache ({@code BALANCE_CACHE=off}
 * and {@code redis}, both with {@code REDIS_URL} set to a real redis-server on loopback), on SQLite
 * and on PostgreSQL, through the whole HTTP stack; and heartbeats, whose every commit drops the
 * cached figures, to show what the cache costs writes. Run by scripts/bench-redis; arguments:
 * seconds per measurement, client threads, databases, JIT warm-up seconds, and the modes in the
 * order to run them (default {@code off,redis}; on a shared machine, run both orders).
 */
public final class BalanceCacheBench {

    private BalanceCacheBench() {}

    public static void main(String[] args) throws Exception {
        BenchArguments arguments = BenchArguments.parse(args, 10, 15);
        double seconds = arguments.seconds();
        int threads = arguments.threads();
        double jitWarmup = arguments.jitWarmup();
        String[] modes = arguments.own(0, "off,redis").split(",");
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start()) {
            for (TestDatabase database : arguments.databases()) {
                for (String mode : modes) {
                    rows.addAll(bench(database, mode, redis, seconds, threads, jitWarmup));
                }
            }
        }
        System.out.println();
        System.out.printf(
                "threads=%d, %.0f s per measurement (each after %.0f s warm-up; %.0f s JIT warm-up first),"
                        + " %d cores, Java %s, %s%n",
                threads,
                seconds,
                Math.max(1, seconds / 4),
                jitWarmup,
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                redisVersion());
        System.out.println(
                "| database | BALANCE_CACHE | measurement | ops/s | ok | failed | p50 ms | p99 ms | CPU µs/op | cache hits |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0); // embedded PostgreSQL's shutdown hook stops it
    }

    private static List<String> bench(
            TestDatabase database, String mode, RedisServer redis, double seconds, int threads, double jitWarmup)
            throws Exception {
        // a day's slice: on the 1000x clock no hold may lapse between heartbeats
        Map<String, String> props = BenchService.properties(
                database,
                86400,
                Map.of(
                        "REDIS_URL",
                        redis.url(),
                        "BALANCE_CACHE",
                        mode,
                        "mindbot.db.pool-size",
                        String.valueOf(Math.max(10, threads + 2))));
        try (RunningService service = BenchService.start(props)) {
            BenchService.Clients clients = BenchService.clients(service, "bench-" + mode + "-", threads);
            Throughput.Operation read = t -> clients.get(t, "/time/balance");
            Throughput.Operation heartbeat = clients::heartbeat;
            Throughput.measure(threads, 0, jitWarmup, t -> read.run(t) && heartbeat.run(t));

            MeterRegistry metrics = service.context().getBean(MeterRegistry.class);
            double hitsBefore = cacheLookups(metrics, "hit");
            double missesBefore = cacheLookups(metrics, "miss");
            Throughput.Result reads = Throughput.measure(threads, Math.max(1, seconds / 4), seconds, read);
            double hits = cacheLookups(metrics, "hit") - hitsBefore;
            double readHits = hits / Math.max(1, hits + cacheLookups(metrics, "miss") - missesBefore);
            Throughput.Result heartbeats = Throughput.measure(threads, Math.max(1, seconds / 4), seconds, heartbeat);

            int mismatches =
                    service.context().getBean(LedgerAudit.class).mismatches().size();
            System.out.printf(
                    "%s, BALANCE_CACHE=%s: ledger audit mismatches after the run: %d%n", database, mode, mismatches);
            String db = database.name().toLowerCase(Locale.ROOT);
            return List.of(
                    row(db, mode, "GET /time/balance", reads, mode.equals("off") ? "—" : percent(readHits)),
                    row(db, mode, "POST /time/sessions/{id}/heartbeat", heartbeats, "—"));
        }
    }

    /** Cache lookups with this result since the service started (a read's warm-up included). */
    private static double cacheLookups(MeterRegistry metrics, String result) {
        var counter =
                metrics.find("mindbot.balance.cache").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String redisVersion() {
        try (RedisServer probe = RedisServer.start()) {
            String info = probe.command("INFO server");
            int at = info.indexOf("redis_version:");
            return at < 0 ? "redis-server" : "redis-server " + info.substring(at + 14, info.indexOf('\r', at));
        }
    }

    private static String row(String db, String mode, String what, Throughput.Result r, String hits) {
        return String.format("| %s | %s | %s | %s | %s |", db, mode, what, r.cells(), hits);
    }
}
