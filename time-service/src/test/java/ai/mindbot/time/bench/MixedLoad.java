package ai.mindbot.time.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many clients at once, each alternating its own operations (a heartbeat, then {@code readsPerBeat}
 * balance reads), each kind timed on its own: what a heartbeat costs while reads compete with it,
 * and the other way round. Every client is its own thread. With {@code paceMillis} 0 nothing waits
 * between rounds, a saturation test (the latencies are the queue: clients / throughput); with a
 * pace each client starts a round every {@code paceMillis} (open loop: a late round is not made up
 * by waiting less), as real clients that heartbeat on a timer do.
 */
final class MixedLoad {

    record Result(double perSecond, long ok, long failed, double p50Millis, double p99Millis, double maxMillis) {}

    record Results(Result heartbeats, Result reads) {}

    private MixedLoad() {}

    static Results run(
            int clients,
            int readsPerBeat,
            long paceMillis,
            double warmupSeconds,
            double seconds,
            Throughput.Operation heartbeat,
            Throughput.Operation read)
            throws Exception {
        loop(clients, readsPerBeat, paceMillis, warmupSeconds, heartbeat, read, null, null);
        Recorder beats = new Recorder(clients);
        Recorder reads = new Recorder(clients);
        long start = System.nanoTime();
        loop(clients, readsPerBeat, paceMillis, seconds, heartbeat, read, beats, reads);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Results(beats.result(elapsed), reads.result(elapsed));
    }

    private static void loop(
            int clients,
            int readsPerBeat,
            long paceMillis,
            double seconds,
            Throughput.Operation heartbeat,
            Throughput.Operation read,
            Recorder beats,
            Recorder reads)
            throws Exception {
        Throughput.onThreads(clients, seconds, (client, stop) -> {
            // paced clients start spread over one period, as real ones would be
            long next = System.nanoTime() + (paceMillis * 1_000_000L * client) / clients;
            while (!stop.get()) {
                if (paceMillis > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    next += paceMillis * 1_000_000L;
                }
                timed(client, heartbeat, beats);
                for (int r = 0; r < readsPerBeat && !stop.get(); r++) {
                    timed(client, read, reads);
                }
            }
        });
    }

    private static void timed(int client, Throughput.Operation operation, Recorder recorder) throws Exception {
        long t0 = System.nanoTime();
        boolean ok = operation.run(client);
        if (recorder != null) {
            recorder.record(client, ok, System.nanoTime() - t0);
        }
    }

    /** Latencies per client (no sharing between threads), merged at the end. */
    private static final class Recorder {
        private final long[][] latencies;
        private final int[] counts;
        private final LongAdder ok = new LongAdder();
        private final LongAdder failed = new LongAdder();

        Recorder(int clients) {
            latencies = new long[clients][100_000];
            counts = new int[clients];
        }

        void record(int client, boolean success, long nanos) {
            (success ? ok : failed).increment();
            if (counts[client] < latencies[client].length) {
                latencies[client][counts[client]++] = nanos;
            }
        }

        Result result(double elapsedSeconds) {
            long[] all = new long[Arrays.stream(counts).sum()];
            int at = 0;
            for (int c = 0; c < counts.length; c++) {
                System.arraycopy(latencies[c], 0, all, at, counts[c]);
                at += counts[c];
            }
            Arrays.sort(all);
            return new Result(
                    ok.sum() / elapsedSeconds,
                    ok.sum(),
                    failed.sum(),
                    Throughput.percentile(all, 0.50),
                    Throughput.percentile(all, 0.99),
                    all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        }
    }
}
