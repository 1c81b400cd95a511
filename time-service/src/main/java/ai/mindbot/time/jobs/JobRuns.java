package ai.mindbot.time.jobs;

import java.sql.Types;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code job_runs} history: one row per execution, written when it ends. Times are the wall
 * clock (epoch ms), not the service's business clock: they say when this process did the work.
 */
@Repository
public class JobRuns {

    /** One finished execution. {@code error} is null when it succeeded. */
    public record Run(
            String job, long scheduledFor, String instance, long startedAt, long finishedAt, int done, String error) {}

    private final JdbcClient jdbc;

    JobRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Run run) {
        jdbc.sql("""
                INSERT INTO job_runs (job, scheduled_for, instance, started_at, finished_at, done, error)
                VALUES (:job, :scheduled, :instance, :started, :finished, :done, :error)""")
                .param("job", run.job())
                .param("scheduled", run.scheduledFor())
                .param("instance", run.instance())
                .param("started", run.startedAt())
                .param("finished", run.finishedAt())
                .param("done", run.done())
                .param("error", run.error(), Types.VARCHAR)
                .update();
    }

    /** Runs of a job, oldest first. */
    public List<Run> of(String job) {
        return jdbc.sql("""
                SELECT job, scheduled_for, instance, started_at, finished_at, done, error FROM job_runs
                WHERE job = :job ORDER BY started_at, id""")
                .param("job", job)
                .query((rs, n) -> new Run(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getString(7)))
                .list();
    }

    /** Forgets runs that ended before {@code cutoffMillis}; how many. */
    int prune(long cutoffMillis) {
        return jdbc.sql("DELETE FROM job_runs WHERE finished_at < :cutoff")
                .param("cutoff", cutoffMillis)
                .update();
    }
}
