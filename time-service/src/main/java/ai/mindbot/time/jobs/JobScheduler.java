package ai.mindbot.time.jobs;

import ai.mindbot.common.db.SqlDialect;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link RecurringJob} bean on db-scheduler, wired here by hand: the library's Spring
 * Boot starter (16.x) is built against Spring Boot 3's package layout and does not load on Boot 4.
 * Starts after everything else is up and stops first, waiting for running jobs to finish.
 */
@Component
class JobScheduler implements SmartLifecycle {

    /** The scheduler's table; every service has its own, since all may share one PostgreSQL. */
    static final String TABLE = "time_scheduled_tasks";

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    private final Scheduler scheduler;
    private final String instance;
    private final JobRuns runs;
    private volatile boolean running;

    JobScheduler(
            DataSource dataSource,
            SqlDialect dialect,
            List<RecurringJob> jobs,
            JobRuns runs,
            JobSettings settings,
            ObjectProvider<MeterRegistry> meters) {
        this.runs = runs;
        this.instance = settings.instanceId() == null || settings.instanceId().isBlank()
                ? defaultInstanceId()
                : settings.instanceId().strip();
        List<RecurringTask<Void>> tasks = jobs.stream().map(this::task).toList();
        JdbcCustomization sql = dialect == SqlDialect.POSTGRESQL
                ? new PostgreSqlJdbcCustomization(false, false)
                : new SqliteScheduling();
        SchedulerBuilder builder = Scheduler.create(dataSource)
                .startTasks(tasks)
                .tableName(TABLE)
                .jdbcCustomization(sql)
                .schedulerName(new SchedulerName.Fixed(instance))
                .threads(Math.max(2, tasks.size()))
                .pollingInterval(settings.pollInterval())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(JobSettings.MISSED_HEARTBEATS)
                .shutdownMaxWait(Duration.ofSeconds(30))
                .failureLogging(LogLevel.DEBUG, false); // run() logs a failed run once, in its own words
        meters.ifAvailable(registry -> builder.statsRegistry(new MicrometerStatsRegistry(registry, tasks)));
        this.scheduler = builder.build();
        log.info(
                "jobs: {} on db-scheduler as instance {} (poll every {} ms): {}",
                tasks.size(),
                instance,
                settings.pollMillis(),
                jobs.stream().map(j -> j.name() + " every " + j.period()).toList());
    }

    private RecurringTask<Void> task(RecurringJob job) {
        return Tasks.recurring(job.name(), new Every(job.period()))
                .execute((taskInstance, context) ->
                        run(job, context.getExecution().executionTime.toEpochMilli()));
    }

    /** One execution: the job's work, then its row in job_runs. A failure is recorded and rethrown. */
    private void run(RecurringJob job, long scheduledFor) {
        long started = System.currentTimeMillis();
        try {
            int done = job.work().run();
            runs.record(new JobRuns.Run(
                    job.name(), scheduledFor, instance, started, System.currentTimeMillis(), done, null));
        } catch (RuntimeException e) {
            log.warn("job {} failed ({}); it runs again in {}", job.name(), e.toString(), job.period(), e);
            try {
                runs.record(new JobRuns.Run(
                        job.name(),
                        scheduledFor,
                        instance,
                        started,
                        System.currentTimeMillis(),
                        0,
                        abbreviate(e.toString())));
            } catch (RuntimeException recording) {
                e.addSuppressed(recording);
            }
            throw e;
        }
    }

    @Override
    public void start() {
        scheduler.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        scheduler.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "host";
        }
        String suffix = "-" + ProcessHandle.current().pid() + "-"
                + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        return host.substring(0, Math.min(host.length(), 50 - suffix.length())) + suffix;
    }

    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
