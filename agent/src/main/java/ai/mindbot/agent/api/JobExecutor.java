package ai.mindbot.agent.api;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The job's own thread, for code that is not a hook: provider callbacks (a WebSocket, an HTTP
 * stream) hand their results here with {@link #execute} so that agent state is only ever touched on
 * the job's thread and needs no locks. {@link #nanoTime} is the clock the job measures with; tests
 * replace the whole executor with a manual one and move time by hand.
 */
public interface JobExecutor extends Executor {

    /** Runs {@code task} on the job's thread once {@code delay} has passed. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Monotonic nanoseconds, comparable only with each other. */
    long nanoTime();
}
