-- The admin dashboard's own data. Timestamps are epoch milliseconds. Names start with admin_
-- because on PostgreSQL every service shares one database.

-- Every admin action: who (token sub + email), when, what, on which target, why, and how it ended.
-- A row is written as 'pending' before the owning service is called and then given its outcome,
-- so an action is never carried out without a trace.
CREATE TABLE admin_audit_log (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at     BIGINT  NOT NULL,
    admin_id       TEXT    NOT NULL,
    admin_email    TEXT,
    action         TEXT    NOT NULL,
    target_type    TEXT    NOT NULL,
    target_id      TEXT    NOT NULL,
    reason         TEXT    NOT NULL,
    details        TEXT,
    outcome        TEXT    NOT NULL,
    outcome_detail TEXT,
    request_id     TEXT,
    finished_at    BIGINT
);
CREATE INDEX admin_audit_log_time ON admin_audit_log (created_at);
CREATE INDEX admin_audit_log_target ON admin_audit_log (target_type, target_id, created_at);

-- Usage per closed UTC day (day = epoch day number), computed from voice_sessions. A closed day
-- gets no new sessions; a day is recomputed while it still has sessions that have not ended.
CREATE TABLE admin_usage_daily (
    day            BIGINT  PRIMARY KEY,
    sessions       BIGINT  NOT NULL,
    active_users   BIGINT  NOT NULL,
    seconds_used   BIGINT  NOT NULL,
    open_sessions  BIGINT  NOT NULL,
    computed_at    BIGINT  NOT NULL
);

-- When each user last started a session: "active in the last N days" is one indexed count.
CREATE TABLE admin_user_last_session (
    user_id         TEXT    PRIMARY KEY,
    last_started_at BIGINT  NOT NULL
);
CREATE INDEX admin_user_last_session_time ON admin_user_last_session (last_started_at);

-- Watermarks of the incremental rollups.
CREATE TABLE admin_rollup_state (
    name   TEXT    PRIMARY KEY,
    value  BIGINT  NOT NULL
);
