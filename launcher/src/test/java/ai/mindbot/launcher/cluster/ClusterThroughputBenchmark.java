package ai.mindbot.launcher.cluster;

import ai.mindbot.common.test.Http;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Requests per second with one instance of auth and time, then with two: sign-ins (an Argon2id
 * check each), balance reads, session heartbeats, each at a fixed number of clients for a fixed
 * time after a warm-up. Balance reads and heartbeats go through nginx. Sign-ins do not: the edge
 * allows one client address 10 a second (the shipped limit, which every request here shares, all
 * coming from 127.0.0.1), so through nginx they would measure the limit; the clients are spread
 * evenly over the auth instances instead. Every instance is pinned to a core of its own with
 * {@code taskset}, so "two instances" means two cores' worth of service, as two machines would be;
 * nginx, PostgreSQL, Redis and the load run on whatever is left. scripts/bench-cluster runs it and
 * writes launcher/target/bench-cluster.md. Not a pass/fail test: a failure means it could not run.
 */
@Tag("cluster")
class ClusterThroughputBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 16);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 10);

    private record Result(String what, int instances, double perSecond, long p50Millis, long p95Millis, int errors) {}

    @Test
    void throughputWithOneAndWithTwoInstances() throws Exception {
        List<Result> results = new ArrayList<>();
        for (int instances : new int[] {1, 2}) {
            // instance i on core i-1: one core per instance, like one small machine each
            IntFunction<List<String>> launch = i ->
                    List.of("taskset", "-c", Integer.toString((i - 1) % cores()), ServiceProcess.java(), "-Xmx512m");
            try (Cluster cluster = Cluster.start(
                    instances,
                    false,
                    Map.of(
                            "AUTH_RATE_LOGIN_PER_ADDRESS",
                            "10000000",
                            "AUTH_RATE_REGISTER_PER_ADDRESS",
                            "10000000",
                            "AUTH_RATE_LOGIN_PER_ACCOUNT",
                            "10000000"),
                    launch)) {
                results.addAll(measure(
                        cluster.edge(),
                        cluster.auths.stream().map(a -> new Http(a.url())).toList(),
                        instances));
            }
        }
        String table = table(results);
        System.out.println(table);
        Files.writeString(Path.of("target", "bench-cluster.md"), table, StandardCharsets.UTF_8);
    }

    private static List<Result> measure(Http edge, List<Http> authInstances, int instances) throws Exception {
        List<String> emails = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> sessions = new ArrayList<>();
        Retrying retrying = new Retrying();
        ClusterWorkload signUps = new ClusterWorkload(edge, retrying);
        for (int c = 0; c < CLIENTS; c++) {
            String email = "bench-" + instances + "-" + c + "@cluster.test";
            String token = signUps.signUp(email);
            edge.send(
                    "POST",
                    "/time/purchase",
                    Http.json(Map.of("package_id", "pro_20h", "payment_method_id", "pm_card_visa")),
                    token,
                    Map.of("Idempotency-Key", email));
            emails.add(email);
            tokens.add(token);
            sessions.add(edge.post("/time/sessions", Map.of("room_name", "bench-" + email), token)
                    .json()
                    .get("session_id")
                    .asString());
        }
        List<Result> results = new ArrayList<>();
        results.add(run(
                "sign-in (POST /auth/login, to the instances)",
                instances,
                c -> authInstances
                        .get(c % authInstances.size())
                        .post(
                                "/auth/login",
                                Map.of("email", emails.get(c), "password", "cluster-password-" + emails.get(c)))));
        results.add(run("balance read (GET /time/balance)", instances, c -> edge.get("/time/balance", tokens.get(c))));
        results.add(run(
                "heartbeat (POST /time/sessions/{id}/heartbeat)",
                instances,
                c -> edge.post("/time/sessions/" + sessions.get(c) + "/heartbeat", Map.of(), tokens.get(c))));
        return results;
    }

    /** {@code CLIENTS} threads, each sending its own request back to back: warm-up, then measured. */
    private static Result run(String what, int instances, IntFunction<Http.Response> request) throws Exception {
        loop(request, WARMUP, new long[0][]);
        long[][] latencies = new long[CLIENTS][];
        int[] counts = loop(request, SECONDS, latencies);
        int total = Arrays.stream(counts).sum();
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        int errors = counts[CLIENTS];
        return new Result(what, instances, (double) total / SECONDS, percentile(all, 50), percentile(all, 95), errors);
    }

    /** Runs for {@code seconds}; returns requests per client (and errors in the last slot). */
    private static int[] loop(IntFunction<Http.Response> request, int seconds, long[][] latencies) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        int[] counts = new int[CLIENTS + 1];
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                int errors = 0;
                while (!stop.get()) {
                    long start = System.nanoTime();
                    int status;
                    try {
                        status = request.apply(client).status();
                    } catch (UncheckedIOException e) {
                        // nginx ends an HTTP/2 connection after 1000 requests (GOAWAY), which the JDK's
                        // client reports for the requests in flight: counted, and the client goes on
                        status = 599;
                    }
                    if (status >= 400) {
                        errors++;
                    } else if (n < mine.length) {
                        mine[n++] = (System.nanoTime() - start) / 1_000_000;
                    }
                }
                counts[client] = n;
                synchronized (counts) {
                    counts[CLIENTS] += errors;
                }
                if (latencies.length > 0) {
                    latencies[client] = Arrays.copyOf(mine, n);
                }
                return null;
            }));
        }
        ServiceProcess.sleep(seconds * 1000L);
        stop.set(true);
        for (Future<?> client : clients) {
            client.get();
        }
        pool.shutdown();
        return counts;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }

    private static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static String table(List<Result> results) {
        StringBuilder out = new StringBuilder(
                "| operation | instances | requests/s | p50 ms | p95 ms | errors |\n" + "|---|---|---|---|---|---|\n");
        for (Result r : results) {
            out.append(String.format(
                    "| %s | %d | %.1f | %d | %d | %d |%n",
                    r.what(), r.instances(), r.perSecond(), r.p50Millis(), r.p95Millis(), r.errors()));
        }
        out.append("\n| operation | two instances / one |\n|---|---|\n");
        for (Result one : results) {
            if (one.instances() == 1) {
                results.stream()
                        .filter(r -> r.instances() == 2 && r.what().equals(one.what()))
                        .findFirst()
                        .ifPresent(two -> out.append(
                                String.format("| %s | %.2f× |%n", one.what(), two.perSecond() / one.perSecond())));
            }
        }
        out.append(String.format(
                "%n%d clients, %d s measured after %d s of warm-up per operation, %d cores.%n",
                CLIENTS, SECONDS, WARMUP, cores()));
        return out.toString();
    }
}
