package ai.mindbot.agent.local;

import java.util.concurrent.locks.LockSupport;

/** Keeps a test device at a sound card's pace: frame n is due 10 ms × n after the first. */
final class FramePacer {

    private static final long FRAME_NANOS = 10_000_000;

    private long start = -1;
    private long frames;

    /** Waits until the next frame is due; returns its index. */
    long next() {
        long now = System.nanoTime();
        if (start < 0) {
            start = now;
        }
        long due = start + frames * FRAME_NANOS;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
        }
        return frames++;
    }
}
