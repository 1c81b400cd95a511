package ai.mindbot.time.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.RedisServer;
import ai.mindbot.common.test.RunningService;
import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.time.TimeServiceApplication;
import ai.mindbot.time.ledger.Cause;
import ai.mindbot.time.ledger.EntryKind;
import ai.mindbot.time.ledger.Ledger;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.ledger.NewEntry;
import ai.mindbot.time.support.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code GET /time/balance} with and without the Redis balance cache ({@code BALANCE_CACHE=off}
 * and {@code redis}, both with {@code REDIS_URL} set to a real redis-server on loopback), on SQLite
 * and on PostgreSQL, through the whole HTTP stack; and heartbeats, whose every commit drops the
 * cached figures, to show what the cache costs writes. Run by scripts/bench-redis; arguments:
 * seconds per measurement, client threads, databases, JIT warm-up seconds.
 */
public final class BalanceCacheBench {

    private static final long SPEED = 1000; // one real millisecond is one metered second

    private BalanceCacheBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        double jitWarmup = args.length > 3 ? Double.parseDouble(args[3]) : 15;
        List<String> rows = new ArrayList<>();
        try (RedisServer redis = RedisServer.start()) {
            for (String name : (args.length > 2 ? args[2] : "sqlite,postgresql").split(",")) {
                TestDatabase database = TestDatabase.valueOf(name.toUpperCase(Locale.ROOT));
                for (String mode : new String[] { "off", "redis" }) {
                    rows.addAll(bench(database, mode, redis, seconds, threads, jitWarmup));
                }
            }
        }
        System.out.println();
        System.out.printf("threads=%d, %.0f s per measurement (each after %.0f s warm-up; %.0f s JIT warm-up first),"
                + " %d cores, Java %s, %s%n", threads, seconds, Math.max(1, seconds / 4), jitWarmup,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), redisVersion());
        System.out.println("| database | BALANCE_CACHE | measurement | ops/s | ok | failed | p50 ms | p99 ms | CPU µs/op | cache hits |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
        System.exit(0); // embedded PostgreSQL's shutdown hook stops it
    }

    private static List<String> bench(TestDatabase database, String mode, RedisServer redis, double seconds,
            int threads, double jitWarmup) throws Exception {
        Map<String, String> props = new HashMap<>(database.freshProperties());
        props.put("JWT_SECRET", TestTokens.SECRET);
        props.put("REDIS_URL", redis.url());
        props.put("BALANCE_CACHE", mode);
        props.put("SESSION_SLICE_SECONDS", "86400"); // on the 1000x clock no hold may lapse between heartbeats
        props.put("SESSION_SWEEP_SECONDS", "3600");
        props.put("NOTIFY_POLL_MILLIS", "3600000");
        props.put("logging.level.root", "warn");
        props.put("mindbot.db.pool-size", String.valueOf(Math.max(10, threads + 2)));
        FastClock clock = new FastClock(SPEED);
        try (RunningService service = RunningService.start(TimeServiceApplication.builder()
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock)), props)) {
            Ledger ledger = service.context().getBean(Ledger.class);
            Http http = new Http(service.baseUrl());
            String[] tokens = new String[threads];
            String[] sessions = new String[threads];
            String run = database + "-" + mode + "-";
            for (int t = 0; t < threads; t++) {
                String user = "bench-" + run + t;
                tokens[t] = TestTokens.user(user);
                ledger.post(NewEntry.of(user, EntryKind.ADMIN_GRANT, 1_000_000_000L, Cause.adminAction(user)));
                Http.Response started = http.post("/time/sessions", Map.of("room_name", user), tokens[t]);
                if (started.status() != 201) {
                    throw new IllegalStateException("could not start a session: " + started.body());
                }
                sessions[t] = started.json().get("session_id").asString();
            }
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = service.baseUrl();
            Throughput.Operation read = t -> client.send(HttpRequest.newBuilder(URI.create(base + "/time/balance"))
                    .header("Authorization", "Bearer " + tokens[t]).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            Throughput.Operation heartbeat = t -> client.send(HttpRequest.newBuilder(
                    URI.create(base + "/time/sessions/" + sessions[t] + "/heartbeat"))
                    .header("Authorization", "Bearer " + tokens[t]).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            Throughput.measure(threads, 0, jitWarmup, t -> read.run(t) && heartbeat.run(t));

            MeterRegistry metrics = service.context().getBean(MeterRegistry.class);
            double hitsBefore = hits(metrics);
            Throughput.Result reads = Throughput.measure(threads, Math.max(1, seconds / 4), seconds, read);
            double readHits = (hits(metrics) - hitsBefore) / Math.max(1, reads.ok() + reads.failed());
            Throughput.Result heartbeats = Throughput.measure(threads, Math.max(1, seconds / 4), seconds, heartbeat);

            int mismatches = service.context().getBean(LedgerAudit.class).mismatches().size();
            System.out.printf("%s, BALANCE_CACHE=%s: ledger audit mismatches after the run: %d%n", database, mode,
                    mismatches);
            String db = database.name().toLowerCase(Locale.ROOT);
            return List.of(row(db, mode, "GET /time/balance", reads, mode.equals("off") ? "—" : percent(readHits)),
                    row(db, mode, "POST /time/sessions/{id}/heartbeat", heartbeats, "—"));
        }
    }

    /** Hits counted since the service started; only the measured stretch is compared (the warm-ups count too). */
    private static double hits(MeterRegistry metrics) {
        var counter = metrics.find("mindbot.balance.cache").tag("result", "hit").counter();
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
        return String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %d | %d | %.2f | %.2f | %.0f | %s |", db, mode, what,
                r.perSecond(), r.ok(), r.failed(), r.p50Millis(), r.p99Millis(), r.cpuMicrosPerOp(), hits);
    }
}
