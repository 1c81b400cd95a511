package ai.mindbot.launcher.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final Progress progress =
            new Progress(new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofMillis(10));

    @Test
    void aLongStepSaysHowFarItGotWhileItRuns() {
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        progress.step(
                "copying the time database",
                () -> {
                    int n = asked.incrementAndGet();
                    twice.countDown();
                    long until = System.nanoTime() + 50_000_000; // the work ends while this tick is still printing
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                    return (n * 10) + ".0 MB written";
                },
                () -> { // the work ends once it was asked twice
                    if (!twice.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the progress was never asked twice");
                    }
                });

        assertThat(printed.toString(StandardCharsets.UTF_8))
                .startsWith("  copying the time database...\n")
                .contains(
                        "    copying the time database: 10.0 MB written (",
                        "    copying the time database: 20.0 MB written (")
                .containsPattern("  copying the time database: done in \\d+\\.\\d s\n$");
    }

    @Test
    void aFailedStepSaysWhichStepFailed() {
        assertThatThrownBy(() -> progress.step("dumping the database", () -> "", () -> {
                    throw new IOException("disk full");
                }))
                .isInstanceOf(BackupFailure.class)
                .hasMessage("dumping the database failed: disk full");
    }
}
