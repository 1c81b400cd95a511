package ai.mindbot.time.bench;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.common.test.TestDatabase;
import ai.mindbot.common.test.Tokens;
import ai.mindbot.time.ledger.LedgerAudit;
import ai.mindbot.time.testing.TimeService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A load script, not a test: never run by {@code mvn verify} (the name matches neither *Test nor *IT).
 * Measures, on each database, the raw single-row read and update ceilings through JDBC next to
 * {@code GET /time/balance} and simulated {@code POST /time/purchase} through the whole HTTP stack.
 * Run: see docs/benchmarks/payments.md.
 */
class PaymentsLoadBenchmark {

    static final int THREADS = 8;
    /** Warm-up until this many operations (the JIT needs thousands) or {@link #WARM_UP}, whichever comes first. */
    static final int WARM_UP_OPERATIONS = 3000;

    static final Duration WARM_UP = Duration.ofSeconds(20);
    static final Duration MEASURE = Duration.ofSeconds(5);

    @ParameterizedTest
    @MethodSource("ai.mindbot.common.test.TestDatabase#both")
    void measure(TestDatabase database) throws Exception {
        try (TimeService time = TimeService.start(database)) {
            JdbcClient jdbc = time.bean(JdbcClient.class);
            for (int u = 0; u < THREADS; u++) {
                time.purchase("bench-" + u, "starter_1h", "pm_card_visa");
            }
            String[] tokens = new String[THREADS];
            for (int u = 0; u < THREADS; u++) {
                tokens[u] = Tokens.user("bench-" + u);
            }
            report(
                    database,
                    "raw JDBC single-row read",
                    rate(t -> jdbc.sql("SELECT balance_seconds FROM accounts WHERE user_id = :u")
                                    .param("u", "bench-" + t)
                                    .query(Long.class)
                                    .single()
                            > 0));
            report(
                    database,
                    "raw JDBC single-row update",
                    rate(t -> jdbc.sql("UPDATE accounts SET updated_at = updated_at + 1 WHERE user_id = :u")
                                    .param("u", "bench-" + t)
                                    .update()
                            == 1));
            report(
                    database,
                    "GET /time/balance (HTTP)",
                    rate(t -> time.http.get("/time/balance", tokens[t]).status() == 200));
            report(
                    database,
                    "POST /time/purchase, simulated (HTTP)",
                    rate(t -> time.http
                                    .post(
                                            "/time/purchase",
                                            "{\"package_id\":\"starter_1h\",\"payment_method_id\":\"pm_card_visa\"}",
                                            tokens[t])
                                    .status()
                            == 200));
            assertThat(time.bean(LedgerAudit.class).mismatches()).isEmpty();
        }
    }

    /** Operations per second with {@link #THREADS} threads (thread index passed in), after a warm-up. */
    static double rate(IntPredicate operation) throws Exception {
        run(operation, WARM_UP, WARM_UP_OPERATIONS);
        return run(operation, MEASURE, Integer.MAX_VALUE) / (MEASURE.toMillis() / 1000.0);
    }

    static int run(IntPredicate operation, Duration duration, int maxOperations) throws Exception {
        AtomicInteger done = new AtomicInteger();
        long end = System.nanoTime() + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end && done.get() < maxOperations) {
                    if (!operation.test(thread)) {
                        throw new IllegalStateException("operation failed");
                    }
                    done.incrementAndGet();
                }
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        return done.get();
    }

    static void report(TestDatabase database, String what, double perSecond) {
        System.out.printf(Locale.ROOT, "BENCH %-10s %-40s %10.0f ops/s%n", database, what, perSecond);
    }
}
