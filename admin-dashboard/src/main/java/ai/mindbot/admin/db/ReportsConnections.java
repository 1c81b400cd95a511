package ai.mindbot.admin.db;

import ai.mindbot.common.db.DatabaseAutoConfiguration;
import ai.mindbot.common.db.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * Read-only pools on the other services' data. The dashboard reads only the report views they
 * publish; the database itself refuses any write through these connections, so a mistake here
 * can never change a balance or an account (ReadOnlyReportsIT proves it on both databases).
 */
final class ReportsConnections {

    /** SQLITE_OPEN_READONLY: sqlite-jdbc's open_mode flags, and what an ATTACHed file inherits. */
    private static final String SQLITE_READ_ONLY = "1";

    private ReportsConnections() {}

    /** PostgreSQL: every transaction READ ONLY, autocommit statements included ({@code readOnlyMode=always}). */
    static HikariDataSource postgres(DatabaseUrl url, int poolSize) {
        HikariConfig config = DatabaseAutoConfiguration.postgresConfig(url, "admin-reports", poolSize);
        config.setReadOnly(true);
        config.addDataSourceProperty("readOnlyMode", "always");
        return new HikariDataSource(config);
    }

    /**
     * SQLite: the time database opened read-only, with the auth database attached (read-only too)
     * as {@code auth}, so one query can join the two services' views; unqualified names resolve
     * there because the time database has no {@code auth_report_*} views of its own.
     */
    static HikariDataSource sqlite(Path timeDb, Path authDb) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("admin-reports");
        config.setJdbcUrl("jdbc:sqlite:" + timeDb.toAbsolutePath());
        config.addDataSourceProperty("open_mode", SQLITE_READ_ONLY);
        config.setReadOnly(true); // sqlite-jdbc refuses a JDBC read-only flag that differs from how the file was opened
        config.addDataSourceProperty("busy_timeout", "15000");
        config.setConnectionInitSql(
                "ATTACH DATABASE '" + authDb.toAbsolutePath().toString().replace("'", "''") + "' AS auth");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }
}
