-- Accounts, refresh tokens and the counters behind the login/registration rate limits.
-- Timestamps are epoch milliseconds. Table names are unique across services (one shared database).

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    email           TEXT NOT NULL,          -- trimmed and lower-cased before it gets here
    full_name       TEXT NOT NULL,
    password_hash   TEXT NOT NULL,          -- {argon2}... via Spring's DelegatingPasswordEncoder
    created_at      INTEGER       NOT NULL,
    updated_at      INTEGER       NOT NULL,
    disabled_at     INTEGER,                         -- NULL = active
    disabled_reason TEXT,
    disabled_by     TEXT                     -- sub of the admin who disabled the account
);
CREATE UNIQUE INDEX users_email_key ON users (email);

-- Rotating refresh tokens: only the SHA-256 of a token is stored. A login starts a family; each
-- refresh marks the presented token used and issues the next one in the same family, so a used
-- token presented again reveals theft and revokes the whole family.
CREATE TABLE refresh_tokens (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    token_hash  TEXT    NOT NULL,
    user_id     INTEGER      NOT NULL REFERENCES users (id),
    family_id   TEXT NOT NULL,
    created_at  INTEGER      NOT NULL,
    expires_at  INTEGER      NOT NULL,
    used_at     INTEGER,
    revoked_at  INTEGER
);
CREATE UNIQUE INDEX refresh_tokens_hash_key ON refresh_tokens (token_hash);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);

-- One row per counted attempt (a failed login, a registration, a guest token...), kept in the
-- database so that every instance sharing it enforces the same limits.
CREATE TABLE auth_attempts (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket      TEXT  NOT NULL,               -- what is limited: login_account, login_address, ...
    subject     TEXT NOT NULL,               -- whom: a normalized email or a client address
    attempted_at INTEGER      NOT NULL
);
CREATE INDEX auth_attempts_lookup_idx ON auth_attempts (bucket, subject, attempted_at);
CREATE INDEX auth_attempts_age_idx ON auth_attempts (attempted_at);
