package ai.mindbot.admin.db;

import ai.mindbot.common.db.SqlDialect;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The business data as its owners publish it for reporting, read-only: the auth service's
 * {@code auth_report_users_v1} and the time service's {@code time_report_*_v1} views, never their
 * tables. On SQLite the auth database is ATTACHed to the time database, so one query can join
 * both; on PostgreSQL all of them share one database.
 */
public record ReportsDatabase(JdbcClient jdbc, SqlDialect dialect) {}
