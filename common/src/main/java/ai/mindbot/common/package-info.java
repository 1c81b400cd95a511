/**
 * What every MindBot service shares and nothing more: configuration from the environment and
 * {@code .env}, one error contract (RFC 9457 problem+json), request ids, body limits, strict JWT
 * verification, and database setup for SQLite and PostgreSQL. Domain code never lives here.
 */
package ai.mindbot.common;
