package ai.mindbot.agent.media;

import java.util.Arrays;

/**
 * A small fixed-bucket histogram (1 ms buckets up to 1 s) of how long audio spent in our code,
 * from the moment a frame reached the runtime to the moment it was pushed to the outgoing track.
 */
public final class LatencyStats {

    private final long[] buckets = new long[1001];
    private long count;

    public synchronized void record(long nanos) {
        int ms = (int) Math.min(1000, Math.max(0, nanos / 1_000_000));
        buckets[ms]++;
        count++;
    }

    public synchronized long count() {
        return count;
    }

    /** The smallest whole millisecond at or below which {@code quantile} of the samples fall. */
    public synchronized int percentileMillis(double quantile) {
        long target = (long) Math.ceil(quantile * count);
        long seen = 0;
        for (int ms = 0; ms < buckets.length; ms++) {
            seen += buckets[ms];
            if (seen >= target && seen > 0) {
                return ms;
            }
        }
        return -1;
    }

    public synchronized void reset() {
        Arrays.fill(buckets, 0);
        count = 0;
    }
}
