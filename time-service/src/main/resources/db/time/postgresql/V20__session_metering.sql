-- Metered sessions (reserve, commit, release).
-- paid_until: the server time (epoch ms) up to which the session's talk is accounted for; commits
--   bill whole seconds from here and move it on, so rounding never bills a second twice.
-- commit_count: numbers the session's ledger commits (cause "session:<id>#<n>") and is the
--   version a heartbeat, end or sweep must still see to write, so one commit wins a race.
-- end_note: why an admin ended the session.
ALTER TABLE voice_sessions ADD COLUMN paid_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE voice_sessions ADD COLUMN commit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE voice_sessions ADD COLUMN end_note TEXT;

-- Where low-balance notices go: the email claim of the user's access token, kept when a session
-- starts (the time service has no user directory of its own).
ALTER TABLE accounts ADD COLUMN notify_email TEXT;

-- The webhook ends sessions by room and participant.
CREATE INDEX voice_sessions_room_participant ON voice_sessions (room_name, participant_identity, status);
