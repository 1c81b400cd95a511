package ai.mindbot.time.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds the scheduler's settings and keeps job_runs to JOBS_HISTORY_HOURS. */
@Configuration
@EnableConfigurationProperties(JobSettings.class)
class JobsConfig {

    @Bean
    RecurringJob jobHistoryPruner(JobRuns runs, JobSettings settings) {
        long keep = Duration.ofHours(settings.historyHours()).toMillis();
        return new RecurringJob(
                "job-history-pruner", Duration.ofHours(1), () -> runs.prune(System.currentTimeMillis() - keep));
    }
}
