package ai.mindbot.time.jobs;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;

/**
 * A fixed delay whose first run is one period after start (db-scheduler's {@code FixedDelay} runs at
 * once), as the jobs ran before they moved to the scheduler: a service that was just started does
 * not sweep before anything could lapse.
 */
record Every(Duration period) implements Schedule {

    @Override
    public Instant getNextExecutionTime(ExecutionComplete complete) {
        return complete.getTimeDone().plus(period);
    }

    @Override
    public Instant getInitialExecutionTime(Instant now) {
        return now.plus(period);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
