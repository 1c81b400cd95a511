package ai.mindbot.agent.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.mindbot.agent.api.Cancellable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobThreadTest {

    private final JobThread thread = new JobThread("AJ_1", "room-1");

    @AfterEach
    void stop() {
        thread.shutdown();
    }

    @Test
    void runsHandedOverWorkOnTheJobsOwnThreadInOrder() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);

        thread.execute(() -> ran.add("first on " + Thread.currentThread().getName()));
        thread.execute(() -> ran.add("second"));
        thread.execute(done::countDown);

        assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("first on agent-job-room-1", "second");
    }

    @Test
    void aFailingTaskDoesNotStopTheThread() throws Exception {
        CountDownLatch after = new CountDownLatch(1);

        thread.execute(() -> {
            throw new IllegalStateException("provider callback bug");
        });
        thread.execute(after::countDown);

        assertThat(after.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void runsScheduledWorkAfterItsDelayUnlessCancelled() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        CountDownLatch cancelledFired = new CountDownLatch(1);
        long start = thread.nanoTime();

        thread.schedule(fired::countDown, Duration.ofMillis(50));
        Cancellable cancelled = thread.schedule(cancelledFired::countDown, Duration.ofMillis(50));
        cancelled.cancel();

        assertThat(fired.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(thread.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(50));
        assertThat(cancelledFired.await(200, TimeUnit.MILLISECONDS)).isFalse();
    }
}
