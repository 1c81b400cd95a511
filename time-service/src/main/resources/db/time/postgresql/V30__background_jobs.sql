-- Background jobs (docs/operations.md). db-scheduler's table, under a name of our own because all
-- services may share one PostgreSQL: one row per recurring job, picked by one instance at a time.
-- The columns are db-scheduler's PostgreSQL schema (16.x).
CREATE TABLE time_scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX time_scheduled_tasks_execution_time ON time_scheduled_tasks (execution_time);
CREATE INDEX time_scheduled_tasks_last_heartbeat ON time_scheduled_tasks (last_heartbeat);
CREATE INDEX time_scheduled_tasks_priority_execution_time ON time_scheduled_tasks (priority DESC, execution_time ASC);

-- One row per job execution: which instance ran it, when, what it did. scheduled_for is the
-- execution's time in time_scheduled_tasks, so one execution run twice would show as two rows.
-- Kept for JOBS_HISTORY_HOURS.
CREATE TABLE job_runs (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job           TEXT NOT NULL,
    scheduled_for BIGINT NOT NULL,
    instance      TEXT NOT NULL,
    started_at    BIGINT NOT NULL,
    finished_at   BIGINT NOT NULL CHECK (finished_at >= started_at),
    done          INTEGER NOT NULL,
    error         TEXT
);
CREATE INDEX job_runs_job_scheduled ON job_runs (job, scheduled_for);
CREATE INDEX job_runs_finished ON job_runs (finished_at);

-- The purchase janitor's backoff: how often it asked the provider about a purchase still pending
-- there, and when it asks next.
ALTER TABLE purchases ADD COLUMN janitor_checks INTEGER NOT NULL DEFAULT 0;
ALTER TABLE purchases ADD COLUMN janitor_next_at BIGINT;
CREATE INDEX purchases_unsettled ON purchases (updated_at)
    WHERE succeeded_at IS NULL AND status IN ('created', 'unconfirmed', 'requires_payment_method', 'requires_action', 'processing');

-- The payment simulator's own record of its PaymentIntents (what Stripe would answer about them).
CREATE TABLE simulated_payment_intents (
    id                TEXT PRIMARY KEY,
    purchase_id       TEXT NOT NULL,
    status            TEXT NOT NULL,
    amount_cents      BIGINT NOT NULL,
    currency          TEXT NOT NULL,
    charge_id         TEXT,
    failure_code      TEXT,
    failure_message   TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL
);
CREATE INDEX simulated_payment_intents_purchase ON simulated_payment_intents (purchase_id);
