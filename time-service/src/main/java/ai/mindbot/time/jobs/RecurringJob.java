package ai.mindbot.time.jobs;

import java.time.Duration;

/**
 * Work a feature wants done every {@code period} (counted from the end of the previous run), on one
 * instance at a time. Declare it as a bean; {@link JobScheduler} runs it.
 *
 * @param name stable id, the job's row in {@code time_scheduled_tasks} and its name in {@code job_runs}
 * @param work does one round and says how many things it did (settled, delivered...)
 */
public record RecurringJob(String name, Duration period, Work work) {

    /** One round of a job. */
    @FunctionalInterface
    public interface Work {
        int run();
    }

    public RecurringJob {
        if (name == null || !name.matches("[a-z0-9-]{1,60}")) {
            throw new IllegalArgumentException("job names are lower-case words joined by '-': " + name);
        }
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("job " + name + " needs a positive period");
        }
    }
}
