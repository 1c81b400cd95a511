-- Background jobs (docs/operations.md). db-scheduler's table (its 16.x columns), under the name the
-- PostgreSQL schema uses. Times are epoch milliseconds, as everywhere in this database (the
-- scheduler's SQLite adapter, jobs/SqliteScheduling, reads and writes them so).
CREATE TABLE time_scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BLOB,
    execution_time       INTEGER NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         INTEGER,
    last_failure         INTEGER,
    consecutive_failures INTEGER,
    last_heartbeat       INTEGER,
    version              INTEGER NOT NULL,
    priority             INTEGER,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX time_scheduled_tasks_execution_time ON time_scheduled_tasks (execution_time);
CREATE INDEX time_scheduled_tasks_last_heartbeat ON time_scheduled_tasks (last_heartbeat);
CREATE INDEX time_scheduled_tasks_priority_execution_time ON time_scheduled_tasks (priority DESC, execution_time ASC);

-- One row per job execution: which instance ran it, when, what it did. scheduled_for is the
-- execution's time in time_scheduled_tasks, so one execution run twice would show as two rows.
-- Kept for JOBS_HISTORY_HOURS.
CREATE TABLE job_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    job           TEXT NOT NULL,
    scheduled_for INTEGER NOT NULL,
    instance      TEXT NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER NOT NULL CHECK (finished_at >= started_at),
    done          INTEGER NOT NULL,
    error         TEXT
);
CREATE INDEX job_runs_job_scheduled ON job_runs (job, scheduled_for);
CREATE INDEX job_runs_finished ON job_runs (finished_at);

-- The purchase janitor's backoff: how often it asked the provider about a purchase still pending
-- there, and when it asks next.
ALTER TABLE purchases ADD COLUMN janitor_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE purchases ADD COLUMN janitor_next_at INTEGER;
CREATE INDEX purchases_unsettled ON purchases (updated_at)
    WHERE succeeded_at IS NULL AND status IN ('created', 'unconfirmed', 'requires_payment_method', 'requires_action', 'processing');

-- The payment simulator's own record of its PaymentIntents (what Stripe would answer about them).
CREATE TABLE simulated_payment_intents (
    id                TEXT PRIMARY KEY,
    purchase_id       TEXT NOT NULL,
    status            TEXT NOT NULL,
    amount_cents      INTEGER NOT NULL,
    currency          TEXT NOT NULL,
    charge_id         TEXT,
    failure_code      TEXT,
    failure_message   TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX simulated_payment_intents_purchase ON simulated_payment_intents (purchase_id);
