package ai.mindbot.agent.mindbot.metering;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The time keeper's pending timers on the job's executor, so a change of plan can cancel them all at once. */
final class JobTimers {

    private final JobExecutor executor;
    private final List<Cancellable> pending = new ArrayList<>();

    JobTimers(JobExecutor executor) {
        this.executor = executor;
    }

    long now() {
        return executor.nanoTime();
    }

    /** Runs {@code task} at {@code nanos} on the job's clock (at once if that has passed). */
    void at(long nanos, Runnable task) {
        after(Duration.ofNanos(Math.max(0, nanos - executor.nanoTime())), task);
    }

    void after(Duration delay, Runnable task) {
        Cancellable[] self = new Cancellable[1];
        self[0] = executor.schedule(
                () -> {
                    pending.remove(self[0]);
                    task.run();
                },
                delay);
        pending.add(self[0]);
    }

    void cancelAll() {
        List<Cancellable> all = List.copyOf(pending);
        pending.clear();
        all.forEach(Cancellable::cancel);
    }
}
