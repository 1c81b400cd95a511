package ai.mindbot.agent.worker;

import ai.mindbot.agent.api.Cancellable;
import ai.mindbot.agent.api.JobExecutor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a job: room events, agent hooks and whatever agent code hands over with
 * {@link #execute} run here one at a time. A task that throws is logged and the thread goes on (a
 * plain executor would hide the exception in a future nobody reads). After {@link #shutdown} new
 * tasks are dropped: the job is over and nothing is left to act on.
 */
final class JobThread implements JobExecutor {

    private static final Logger log = LoggerFactory.getLogger(JobThread.class);

    private final String jobId;
    private final ScheduledThreadPoolExecutor executor;

    JobThread(String jobId, String roomName) {
        this.jobId = jobId;
        this.executor = new ScheduledThreadPoolExecutor(
                1,
                r -> {
                    Thread t = new Thread(r, "agent-job-" + roomName);
                    t.setDaemon(true);
                    return t;
                },
                new ScheduledThreadPoolExecutor.DiscardPolicy());
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // free the thread when the job ends
    }

    /** The executor the room connection schedules its own work on (the same thread). */
    ScheduledExecutorService scheduler() {
        return executor;
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(logged(task));
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> scheduled = executor.schedule(logged(task), delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> scheduled.cancel(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    void shutdown() {
        executor.shutdown();
    }

    private Runnable logged(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("job {}: a task on the job's thread failed", jobId, e);
            }
        };
    }
}
