package ai.mindbot.time.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the scheduler runs, from JOBS_POLL_MILLIS, JOBS_HEARTBEAT_SECONDS, JOBS_HISTORY_HOURS and
 * MINDBOT_INSTANCE_ID (see time-service.properties).
 *
 * @param pollMillis how often each instance looks for due executions: a job starts at most this late
 * @param heartbeatSeconds how often a running execution says it is alive; after four missed
 *        heartbeats (an instance killed mid-run) another instance takes the execution over
 * @param historyHours how long {@code job_runs} keeps a run
 * @param instanceId this instance's name in {@code job_runs} and {@code picked_by}; blank: host, pid
 *        and a random suffix
 */
@ConfigurationProperties("mindbot.jobs")
record JobSettings(long pollMillis, long heartbeatSeconds, long historyHours, String instanceId) {

    /** Heartbeats an execution may miss before it counts as dead. */
    static final int MISSED_HEARTBEATS = 4;

    public JobSettings {
        if (pollMillis < 50 || heartbeatSeconds < 1 || historyHours < 1) {
            throw new IllegalArgumentException(
                    "JOBS_POLL_MILLIS must be at least 50, JOBS_HEARTBEAT_SECONDS and JOBS_HISTORY_HOURS at least 1");
        }
    }

    Duration pollInterval() {
        return Duration.ofMillis(pollMillis);
    }

    Duration heartbeat() {
        return Duration.ofSeconds(heartbeatSeconds);
    }
}
