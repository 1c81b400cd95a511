package ai.mindbot.agent.voice.metrics;

import java.time.Duration;
import java.util.Locale;

/**
 * A Prometheus histogram of durations in seconds, safe to observe from many job threads at once.
 * Buckets are cumulative in the exposition, as Prometheus expects.
 */
final class Histogram {

    private final String name;
    private final String help;
    private final double[] bounds;
    private final long[] counts;
    private double sum;
    private long count;

    Histogram(String name, String help, double... bounds) {
        this.name = name;
        this.help = help;
        this.bounds = bounds.clone();
        this.counts = new long[bounds.length];
    }

    synchronized void observe(Duration duration) {
        double seconds = Math.max(0, duration.toNanos() / 1e9);
        for (int i = 0; i < bounds.length; i++) {
            if (seconds <= bounds[i]) {
                counts[i]++;
                break;
            }
        }
        sum += seconds;
        count++;
    }

    synchronized void writeTo(StringBuilder out) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" histogram\n");
        long cumulative = 0;
        for (int i = 0; i < bounds.length; i++) {
            cumulative += counts[i];
            out.append(name)
                    .append("_bucket{le=\"")
                    .append(format(bounds[i]))
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
        }
        out.append(name).append("_bucket{le=\"+Inf\"} ").append(count).append('\n');
        out.append(name).append("_sum ").append(format(sum)).append('\n');
        out.append(name).append("_count ").append(count).append('\n');
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%s", value);
    }
}
