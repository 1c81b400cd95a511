package ai.mindbot.launcher.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What a backup or restore is doing, for a person watching: each step when it starts and how long it
 * took, and while a long step runs, a line every few seconds with what it has done so far (so a
 * large copy never looks hung).
 */
final class Progress {

    /** One piece of work, which may fail with anything (JDBC, files, a tool's exit). */
    interface Work {
        void run() throws Exception;
    }

    private final PrintStream out;
    private final Duration tick;

    Progress(PrintStream out, Duration tick) {
        this.out = out;
        this.tick = tick;
    }

    Progress(PrintStream out) {
        this(out, Duration.ofSeconds(3));
    }

    void say(String line) {
        out.println(line);
    }

    /** Runs {@code work}; while it runs, {@code status} says how far it got ("41.0 MB written"). */
    void step(String what, Supplier<String> status, Work work) {
        out.println("  " + what + "...");
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "backup-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(
                () -> out.println("    " + what + ": " + status.get() + " (" + seconds(started) + " s)"),
                tick.toMillis(),
                tick.toMillis(),
                TimeUnit.MILLISECONDS);
        try {
            work.run();
        } catch (BackupFailure e) {
            throw e;
        } catch (Exception e) {
            throw new BackupFailure(what + " failed: " + e.getMessage(), e);
        } finally {
            stop(ticker);
        }
        out.println("  " + what + ": done in " + seconds(started) + " s");
    }

    /** Stops the ticks and lets one already printing finish, so no progress line comes after "done". */
    private static void stop(ScheduledExecutorService ticker) {
        ticker.shutdown();
        try {
            ticker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "41.0 MB written": how far a copy into {@code file} got. */
    static String written(Path file) {
        long bytes;
        try {
            bytes = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            bytes = 0; // the copy is being replaced under us; the next tick will say
        }
        return String.format(Locale.ROOT, "%.1f MB written", bytes / 1_048_576.0);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
