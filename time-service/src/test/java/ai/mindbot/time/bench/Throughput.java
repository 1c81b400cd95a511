package ai.mindbot.time.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Runs {@code threads} loops of one operation for a fixed time and counts what succeeded. */
final class Throughput {

    /** One operation of thread {@code thread}; true when it did what it should. */
    interface Operation {
        boolean run(int thread) throws Exception;
    }

    /** {@code cpuMicrosPerOp}: CPU time of this whole JVM (service and load driver) per operation. */
    record Result(double perSecond, long ok, long failed, double p50Millis, double p99Millis, double cpuMicrosPerOp) {

        /** The result as Markdown table cells: ops/s | ok | failed | p50 ms | p99 ms | CPU µs/op. */
        String cells() {
            return String.format(
                    Locale.ROOT,
                    "%.0f | %d | %d | %.2f | %.2f | %.0f",
                    perSecond,
                    ok,
                    failed,
                    p50Millis,
                    p99Millis,
                    cpuMicrosPerOp);
        }
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private Throughput() {}

    static Result measure(int threads, double warmupSeconds, double seconds, Operation operation) throws Exception {
        if (warmupSeconds > 0) {
            run(threads, warmupSeconds, operation, null);
        }
        List<long[]> latencies = new ArrayList<>();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        run(threads, seconds, operation, new Sink(ok, failed, latencies));
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuMicros = (processCpuNanos() - cpuStart) / 1e3 / Math.max(1, ok.sum() + failed.sum());
        long[] all = latencies.stream()
                .flatMapToLong(Arrays::stream)
                .filter(v -> v > 0)
                .sorted()
                .toArray();
        return new Result(
                ok.sum() / elapsed, ok.sum(), failed.sum(), percentile(all, 0.50), percentile(all, 0.99), cpuMicros);
    }

    private record Sink(LongAdder ok, LongAdder failed, List<long[]> latencies) {}

    private static void run(int threads, double seconds, Operation operation, Sink sink) throws Exception {
        onThreads(threads, seconds, (thread, stop) -> {
            long[] latency = new long[300_000];
            if (sink != null) {
                synchronized (sink.latencies()) {
                    sink.latencies().add(latency);
                }
            }
            int n = 0;
            while (!stop.get()) {
                long t0 = System.nanoTime();
                boolean done = operation.run(thread);
                if (sink != null) {
                    (done ? sink.ok() : sink.failed()).increment();
                    if (n < latency.length) {
                        latency[n++] = System.nanoTime() - t0;
                    }
                }
            }
        });
    }

    /** The body of one load thread: {@code index} of the threads, looping until {@code stop}. */
    interface Loop {
        void run(int index, AtomicBoolean stop) throws Exception;
    }

    /** Runs {@code loop} on {@code threads} threads for {@code seconds}, then stops them and waits for each. */
    static void onThreads(int threads, double seconds, Loop loop) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            running.add(pool.submit(() -> {
                loop.run(index, stop);
                return null;
            }));
        }
        Thread.sleep((long) (seconds * 1000));
        stop.set(true);
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
    }

    /** The {@code p} quantile of sorted nanoseconds, in milliseconds. */
    static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
