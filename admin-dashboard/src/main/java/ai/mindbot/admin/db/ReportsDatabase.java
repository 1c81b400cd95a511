package ai.mindbot.admin.db;

import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mindbot.common.db.SqlDialect;

/**
 * The business data, read-only: the time service's tables and the auth service's {@code users}.
 * On SQLite the auth database is ATTACHed to the time database, so {@code users} resolves there
 * and one query can join both; on PostgreSQL all of them share one database.
 */
public record ReportsDatabase(JdbcClient jdbc, SqlDialect dialect) {
}
