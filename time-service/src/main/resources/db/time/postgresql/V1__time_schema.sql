-- The time service's data. Seconds and cents are integers; timestamps are epoch milliseconds.
-- Money rules live here: unique keys make every credit happen once, and reservations are taken
-- with conditional updates on accounts.

-- One row per user the time service has seen: the stored balance (rebuildable from the ledger)
-- and the seconds currently reserved by live sessions.
CREATE TABLE accounts (
    user_id           TEXT    PRIMARY KEY,
    balance_seconds   BIGINT  NOT NULL DEFAULT 0,
    reserved_seconds  BIGINT  NOT NULL DEFAULT 0 CHECK (reserved_seconds >= 0),
    disabled          BOOLEAN NOT NULL DEFAULT FALSE,
    flagged           BOOLEAN NOT NULL DEFAULT FALSE,
    flag_reason       TEXT,
    stripe_customer_id TEXT UNIQUE,
    low_balance_notified BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

-- Append-only. Each entry names its cause; (kind, cause_type, cause_id) is unique, so the same
-- cause can never move a balance twice. Corrections are new entries pointing at what they correct.
CREATE TABLE ledger_entries (
    id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           TEXT    NOT NULL REFERENCES accounts (user_id),
    kind              TEXT    NOT NULL,
    seconds           BIGINT  NOT NULL,
    cause_type        TEXT    NOT NULL,
    cause_id          TEXT    NOT NULL,
    corrects_entry_id BIGINT  REFERENCES ledger_entries (id),
    balance_after     BIGINT  NOT NULL,
    actor             TEXT,
    note              TEXT,
    created_at        BIGINT  NOT NULL,
    CONSTRAINT ledger_entries_once_per_cause UNIQUE (kind, cause_type, cause_id)
);
CREATE INDEX ledger_entries_user_time ON ledger_entries (user_id, created_at);
CREATE INDEX ledger_entries_time ON ledger_entries (created_at);

-- A time-card purchase and its payment. payment_intent_id links Stripe's events to it.
CREATE TABLE purchases (
    id                TEXT    PRIMARY KEY,
    user_id           TEXT    NOT NULL REFERENCES accounts (user_id),
    package_id        TEXT    NOT NULL,
    seconds           BIGINT  NOT NULL CHECK (seconds > 0),
    amount_cents      BIGINT  NOT NULL CHECK (amount_cents > 0),
    currency          TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    provider          TEXT    NOT NULL,
    payment_intent_id TEXT    UNIQUE,
    idempotency_key   TEXT,
    request_hash      TEXT,
    client_secret     TEXT,
    refunded_cents    BIGINT  NOT NULL DEFAULT 0 CHECK (refunded_cents >= 0),
    failure_code      TEXT,
    failure_message   TEXT,
    created_at        BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL,
    succeeded_at      BIGINT,
    CONSTRAINT purchases_idempotency UNIQUE (user_id, idempotency_key)
);
CREATE INDEX purchases_user_time ON purchases (user_id, created_at);
CREATE INDEX purchases_status_succeeded ON purchases (status, succeeded_at);
CREATE INDEX purchases_time ON purchases (created_at);

-- Stripe events already processed: written in the same transaction as their effect.
CREATE TABLE stripe_events (
    event_id          TEXT    PRIMARY KEY,
    type              TEXT    NOT NULL,
    payment_intent_id TEXT,
    received_at       BIGINT  NOT NULL
);

-- A metered voice session: reserve, commit, release.
CREATE TABLE voice_sessions (
    id                TEXT    PRIMARY KEY,
    user_id           TEXT    NOT NULL REFERENCES accounts (user_id),
    room_name         TEXT    NOT NULL,
    participant_identity TEXT,
    status            TEXT    NOT NULL,
    reserved_seconds  BIGINT  NOT NULL DEFAULT 0 CHECK (reserved_seconds >= 0),
    used_seconds      BIGINT  NOT NULL DEFAULT 0 CHECK (used_seconds >= 0),
    billed_seconds    BIGINT,
    started_by        TEXT,
    started_at        BIGINT  NOT NULL,
    last_heartbeat_at BIGINT  NOT NULL,
    expires_at        BIGINT  NOT NULL,
    ended_at          BIGINT,
    end_reason        TEXT
);
CREATE INDEX voice_sessions_user_time ON voice_sessions (user_id, started_at);
CREATE INDEX voice_sessions_status_expiry ON voice_sessions (status, expires_at);
CREATE INDEX voice_sessions_room ON voice_sessions (room_name, status);
CREATE INDEX voice_sessions_time ON voice_sessions (started_at);

-- Notifications written in the same transaction as their cause, delivered asynchronously.
CREATE TABLE notification_outbox (
    id                BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id           TEXT    NOT NULL,
    kind              TEXT    NOT NULL,
    payload           TEXT    NOT NULL,
    created_at        BIGINT  NOT NULL,
    attempts          INTEGER NOT NULL DEFAULT 0,
    next_attempt_at   BIGINT  NOT NULL,
    delivered_at      BIGINT
);
CREATE INDEX notification_outbox_pending ON notification_outbox (delivered_at, next_attempt_at);
