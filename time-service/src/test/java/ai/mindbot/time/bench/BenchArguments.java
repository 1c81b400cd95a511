package ai.mindbot.time.bench;

import ai.mindbot.common.test.TestDatabase;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The positional arguments the time benchmarks share: seconds per measurement, client threads,
 * databases (comma-separated, default both) and JIT warm-up seconds; after them, each benchmark's
 * own, read with {@link #own}.
 */
record BenchArguments(double seconds, int threads, List<TestDatabase> databases, double jitWarmup, List<String> own) {

    static BenchArguments parse(String[] args, double defaultSeconds, double defaultJitWarmup) {
        return new BenchArguments(
                args.length > 0 ? Double.parseDouble(args[0]) : defaultSeconds,
                args.length > 1 ? Integer.parseInt(args[1]) : 8,
                Arrays.stream((args.length > 2 ? args[2] : "sqlite,postgresql").split(","))
                        .map(name -> TestDatabase.valueOf(name.toUpperCase(Locale.ROOT)))
                        .toList(),
                args.length > 3 ? Double.parseDouble(args[3]) : defaultJitWarmup,
                Arrays.asList(args).subList(Math.min(4, args.length), args.length));
    }

    /** The benchmark's own argument at {@code index} (0 is the first after the shared ones), or the default. */
    String own(int index, String otherwise) {
        return index < own.size() ? own.get(index) : otherwise;
    }
}
