package ai.mindbot.agent.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AudioClockTest {

    @Test
    void ticksEveryOutputUntilItIsRemovedAndNeverAfterRemoveReturns() throws Exception {
        try (AudioClock clock = new AudioClock()) {
            AtomicInteger ticks = new AtomicInteger();
            AtomicBoolean removed = new AtomicBoolean();
            AtomicBoolean tickAfterRemove = new AtomicBoolean();
            CountDownLatch running = new CountDownLatch(3);
            AudioClock.Output output = () -> {
                if (removed.get()) {
                    tickAfterRemove.set(true);
                }
                ticks.incrementAndGet();
                running.countDown();
            };

            clock.add(output);
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            clock.remove(output);
            removed.set(true);
            int afterRemove = ticks.get();
            Thread.sleep(50);

            assertThat(ticks.get()).isEqualTo(afterRemove);
            assertThat(tickAfterRemove).isFalse();
            assertThat(clock.outputs()).isZero();
        }
    }

    @Test
    void spreadsOutputsOverItsThreads() throws Exception {
        try (AudioClock clock = new AudioClock(2)) {
            Set<String> threads = ConcurrentHashMap.newKeySet();
            CountDownLatch both = new CountDownLatch(20);
            for (int i = 0; i < 2; i++) {
                clock.add(() -> {
                    threads.add(Thread.currentThread().getName());
                    both.countDown();
                });
            }

            assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(2);
        }
    }

    @Test
    void aFailingOutputIsDroppedWithoutSilencingTheOthers() throws Exception {
        try (AudioClock clock = new AudioClock(1)) {
            CountDownLatch healthy = new CountDownLatch(5);
            clock.add(() -> {
                throw new IllegalStateException("broken room");
            });
            clock.add(healthy::countDown);

            assertThat(healthy.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(clock.outputs()).isEqualTo(1);
        }
    }
}
