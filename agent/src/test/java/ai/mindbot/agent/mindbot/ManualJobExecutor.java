package ai.mindbot.agent.mindbot;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A job thread under a hand-moved clock: tasks run only inside {@link #advance}, in time order, with
 * the clock set to each task's due time. {@link #execute} from any thread queues a task due now.
 */
public final class ManualJobExecutor implements JobExecutor {

    private record Task(long due, long order, Runnable work) {}

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long order;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    public synchronized Duration elapsedSince(long nanos) {
        return Duration.ofNanos(now - nanos);
    }

    @Override
    public void execute(Runnable command) {
        add(0, command);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        Task added = add(Math.max(0, delay.toNanos()), task);
        return () -> {
            synchronized (this) {
                tasks.remove(added);
            }
        };
    }

    private synchronized Task add(long delay, Runnable work) {
        Task task = new Task(now + delay, order++, work);
        tasks.add(task);
        return task;
    }

    /** Runs everything due within {@code duration}, moving the clock task by task, then to the end. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = now + duration.toNanos();
        }
        while (true) {
            Optional<Task> next;
            synchronized (this) {
                next = tasks.stream()
                        .filter(t -> t.due <= target)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
                next.ifPresent(t -> {
                    tasks.remove(t);
                    now = Math.max(now, t.due);
                });
            }
            if (next.isEmpty()) {
                break;
            }
            next.get().work.run();
        }
        synchronized (this) {
            now = target;
        }
    }

    /** Runs what is due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Advances in small steps until {@code done} holds or {@code limit} has passed; the time it took. */
    public Duration advanceUntil(BooleanSupplier done, Duration limit, Duration step) {
        long start = nanoTime();
        runDue();
        while (!done.getAsBoolean() && nanoTime() - start < limit.toNanos()) {
            advance(step);
        }
        return Duration.ofNanos(nanoTime() - start);
    }
}
