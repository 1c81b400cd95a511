package ai.mindbot.agent.mindbot;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;

/** A real job thread on the real clock, for tests that go over loopback HTTP. */
public final class ThreadJobExecutor implements JobExecutor, AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-job");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void execute(Runnable command) {
        thread.execute(command);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    /** Runs {@code task} on the job thread and waits for it. */
    public void runAndWait(Runnable task) throws Exception {
        thread.submit(task).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
