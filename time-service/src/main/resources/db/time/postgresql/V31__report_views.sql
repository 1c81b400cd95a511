-- Read views published for reporting. The admin dashboard reads the time data through these only,
-- never the tables, so the tables can change as long as the views keep their shape
-- (PublishedViewsIT holds them to that). A different shape is a new view (_v2) beside the old one,
-- so readers move on their own schedule. Only the columns the dashboard uses: no payment secrets,
-- no idempotency keys.

-- voice_sessions.billed_seconds repeated used_seconds on close and was NULL before: the API's
-- "billed_seconds" is used_seconds (what the session has cost so far), so the copy goes.
ALTER TABLE voice_sessions DROP COLUMN IF EXISTS billed_seconds;

CREATE VIEW time_report_accounts_v1 AS
SELECT user_id, balance_seconds, reserved_seconds, disabled, flagged, flag_reason, updated_at
FROM accounts;

CREATE VIEW time_report_ledger_v1 AS
SELECT id, user_id, kind, seconds, cause_type, cause_id, corrects_entry_id, balance_after, actor, note, created_at
FROM ledger_entries;

-- updated_at changes with every status or refund change: the revenue rollup's change feed.
CREATE VIEW time_report_purchases_v1 AS
SELECT id, user_id, package_id, seconds, amount_cents, refunded_cents, currency, status, provider,
       payment_intent_id, failure_code, created_at, updated_at, succeeded_at
FROM purchases;

-- used_seconds: seconds billed so far (the API's billed_seconds); final once ended_at is set.
CREATE VIEW time_report_sessions_v1 AS
SELECT id, user_id, room_name, status, reserved_seconds, used_seconds, started_at, last_heartbeat_at, ended_at,
       end_reason
FROM voice_sessions;

-- The reports' indexes, which the admin dashboard used to create itself at start-up (CONCURRENTLY,
-- named admin_report_*). Where it did, they are renamed here, which is instant; an INVALID one (a
-- CONCURRENTLY build that was interrupted) is dropped and built again below.
DO $$
DECLARE
    pair  text[];
    valid boolean;
BEGIN
    FOREACH pair SLICE 1 IN ARRAY ARRAY[
            ['admin_report_purchases_updated',  'purchases_updated'],
            ['admin_report_sessions_open',      'voice_sessions_open'],
            ['admin_report_purchases_troubled', 'purchases_troubled'],
            ['admin_report_accounts_flagged',   'accounts_flagged']] LOOP
        valid := NULL;
        SELECT i.indisvalid INTO valid
        FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relname = pair[1] AND c.relnamespace = current_schema()::regnamespace;
        IF valid THEN
            EXECUTE format('ALTER INDEX %I RENAME TO %I', pair[1], pair[2]);
        ELSIF valid IS NOT NULL THEN
            EXECUTE format('DROP INDEX %I', pair[1]);
        END IF;
    END LOOP;
END $$;

-- purchases (updated_at): the revenue rollup's change feed. The partial ones are small and serve
-- the dashboard's "live now" list and its alerts. Built here (not CONCURRENTLY: a migration runs
-- in a transaction) only where the renames above found nothing.
CREATE INDEX IF NOT EXISTS purchases_updated ON purchases (updated_at);
CREATE INDEX IF NOT EXISTS voice_sessions_open ON voice_sessions (started_at) WHERE ended_at IS NULL;
CREATE INDEX IF NOT EXISTS purchases_troubled ON purchases (created_at) WHERE status = 'failed' OR refunded_cents > 0;
CREATE INDEX IF NOT EXISTS accounts_flagged ON accounts (updated_at) WHERE flagged;
