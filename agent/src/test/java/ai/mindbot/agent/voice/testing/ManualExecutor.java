package ai.mindbot.agent.voice.testing;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A job thread and clock driven by the test: tasks handed over with {@link #execute} (from any
 * thread, as provider callbacks do) and timers run only when the test calls {@link #runPending()} or
 * {@link #advance(Duration)}, on the test's thread. Time moves only by {@code advance}.
 */
public final class ManualExecutor implements JobExecutor {

    private final LinkedBlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private volatile long now = 1_000_000_000L;
    private long sequence;

    @Override
    public void execute(Runnable task) {
        ready.add(task);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Timer timer = new Timer(now + Math.max(0, delay.toNanos()), sequence++, task);
        timers.add(timer);
        return () -> timer.cancelled = true;
    }

    @Override
    public long nanoTime() {
        return now;
    }

    /** Milliseconds since this executor was made, for readable assertions. */
    public long millis() {
        return (now - 1_000_000_000L) / 1_000_000;
    }

    /** Runs everything handed over and every timer already due, until nothing is left. */
    public void runPending() {
        while (true) {
            Runnable task = ready.poll();
            if (task != null) {
                task.run();
                continue;
            }
            Timer due = pollDue(now);
            if (due == null) {
                return;
            }
            due.task.run();
        }
    }

    /** Moves the clock forward, running timers at their due times in order. */
    public void advance(Duration duration) {
        long target = now + duration.toNanos();
        runPending();
        while (true) {
            Timer due = pollDue(target);
            if (due == null) {
                break;
            }
            now = Math.max(now, due.dueNanos);
            due.task.run();
            runPending();
        }
        now = target;
        runPending();
    }

    /**
     * Runs handed-over work, waiting in real time for work from other threads (a tool handler), until
     * {@code condition} holds; virtual time does not move. Returns false if it did not within {@code timeout}.
     */
    public boolean runUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            runPending();
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Runnable task = ready.poll(Math.min(left, 10_000_000L), TimeUnit.NANOSECONDS);
            if (task != null) {
                task.run();
            }
        }
    }

    private synchronized Timer pollDue(long limit) {
        while (!timers.isEmpty()) {
            Timer head = timers.peek();
            if (head.cancelled) {
                timers.poll();
                continue;
            }
            if (head.dueNanos > limit) {
                return null;
            }
            return timers.poll();
        }
        return null;
    }

    private static final class Timer implements Comparable<Timer> {
        final long dueNanos;
        final long seq;
        final Runnable task;
        volatile boolean cancelled;

        Timer(long dueNanos, long seq, Runnable task) {
            this.dueNanos = dueNanos;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Timer other) {
            int byDue = Long.compare(dueNanos, other.dueNanos);
            return byDue != 0 ? byDue : Long.compare(seq, other.seq);
        }
    }
}
