/** DataSource setup for SQLite (default) and PostgreSQL ({@code DATABASE_URL}). */
package ai.mindbot.common.db;
