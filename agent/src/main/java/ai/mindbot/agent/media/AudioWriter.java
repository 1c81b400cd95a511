package ai.mindbot.agent.media;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One input of a room's outgoing audio: frames written here are cut into 10 ms pieces and played in
 * order, mixed with the room's other writers. Writing faster than real time queues audio (up to
 * {@link #MAX_QUEUED_FRAMES}, or the limit set with {@link #limit}; then the oldest is dropped so
 * latency cannot grow without bound).
 */
public final class AudioWriter {

    /** Two seconds. */
    static final int MAX_QUEUED_FRAMES = 200;

    private final ArrayDeque<short[]> queue = new ArrayDeque<>();
    private final ArrayDeque<Long> timestamps = new ArrayDeque<>();
    private short[] partial = new short[AudioFrame.SAMPLES_PER_10MS];
    private int partialLength;
    private long partialTimestamp;
    private long dropped;
    private int maxQueued = MAX_QUEUED_FRAMES;

    /**
     * Caps the queue at {@code maxLatency} (10 ms resolution, at least one frame). Live audio such as
     * an echo wants tens of milliseconds: dropping a little beats falling further and further behind.
     */
    public synchronized AudioWriter limit(Duration maxLatency) {
        maxQueued = (int) Math.max(1, Math.min(MAX_QUEUED_FRAMES, maxLatency.toMillis() / 10));
        while (queue.size() > maxQueued) {
            queue.poll();
            timestamps.poll();
            dropped++;
        }
        return this;
    }

    /** Queues 48 kHz audio (other channel counts are mixed down to mono). */
    public synchronized void write(AudioFrame frame) {
        if (frame.sampleRate() != AudioFrame.SAMPLE_RATE) {
            throw new IllegalArgumentException("the agent's track plays 48000 Hz audio, got " + frame.sampleRate());
        }
        short[] samples = frame.toMono().samples();
        if (partialLength == 0) {
            partialTimestamp = frame.timestampNanos();
        }
        for (short sample : samples) {
            partial[partialLength++] = sample;
            if (partialLength == partial.length) {
                enqueue(partial, partialTimestamp);
                partial = new short[AudioFrame.SAMPLES_PER_10MS];
                partialLength = 0;
                partialTimestamp = frame.timestampNanos();
            }
        }
    }

    /** Forgets everything queued, e.g. when the agent is interrupted. */
    public synchronized void clear() {
        queue.clear();
        timestamps.clear();
        partialLength = 0;
    }

    public synchronized int queuedFrames() {
        return queue.size();
    }

    public synchronized long droppedFrames() {
        return dropped;
    }

    /** The next 10 ms to play, or null when nothing is queued. */
    synchronized short[] poll(long[] timestampOut) {
        short[] next = queue.poll();
        if (next != null) {
            timestampOut[0] = timestamps.poll();
        }
        return next;
    }

    private void enqueue(short[] frame, long timestamp) {
        if (queue.size() >= maxQueued) {
            queue.poll();
            timestamps.poll();
            dropped++;
        }
        queue.add(frame);
        timestamps.add(timestamp);
    }
}
