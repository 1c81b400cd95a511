/**
 * Background jobs: the time service's recurring work (the session sweeper, notification delivery,
 * the purchase janitor) runs on db-scheduler, which keeps each job's next execution as a row in the
 * service's own database ({@code time_scheduled_tasks}). An instance runs an execution only after
 * winning a conditional update on that row, so with many instances on one PostgreSQL each execution
 * runs once, on one of them; a dead instance's execution is taken over when its heartbeats stop.
 * Features declare a {@link ai.mindbot.time.jobs.RecurringJob} bean; every run is recorded in
 * {@code job_runs}.
 */
package ai.mindbot.time.jobs;
