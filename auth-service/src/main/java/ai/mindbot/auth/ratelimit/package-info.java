/**
 * Limits on guessing and abuse: failed logins per account and per address, registrations and guest
 * tokens per address. Attempts are rows in the database, so every instance sharing it (SQLite file or
 * PostgreSQL) enforces the same limits. A refusal is a 429 problem with {@code Retry-After}.
 */
package ai.mindbot.auth.ratelimit;
