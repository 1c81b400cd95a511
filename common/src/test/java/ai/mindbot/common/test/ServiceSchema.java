package ai.mindbot.common.test;

import ai.mindbot.common.db.DatabaseUrl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A service's schema built by that service's own Flyway migrations ({@code db/<service>/<vendor>}
 * on the classpath, history table {@code flyway_history_<service>}), configured as the service
 * configures them at start-up (mindbot-defaults: baseline on migrate, version 0, because on
 * PostgreSQL the services share one database). Tests that need another service's tables build
 * them this way instead of copying its schema.
 */
public final class ServiceSchema {

    private ServiceSchema() {}

    /** A plain (unpooled) DataSource on the database that {@code url} names: a {@code DATABASE_URL}, or a SQLite file path. */
    public static DataSource dataSource(TestDatabase database, String url) {
        if (database == TestDatabase.POSTGRESQL) {
            DatabaseUrl parsed = DatabaseUrl.parse(url);
            return new DriverManagerDataSource(parsed.jdbcUrl(), parsed.username(), parsed.password());
        }
        return new DriverManagerDataSource("jdbc:sqlite:" + url);
    }

    /** Applies {@code service}'s migrations ("auth", "time") to the database. */
    public static void migrate(String service, TestDatabase database, DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/" + service + "/" + vendor(database))
                .table("flyway_history_" + service)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }

    /**
     * The columns of a table or view in order, name to type, lower-cased: the declared type on
     * SQLite ({@code PRAGMA table_info}), {@code information_schema}'s data type on PostgreSQL.
     */
    public static Map<String, String> columns(TestDatabase database, DataSource dataSource, String relation) {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            ResultSet rs;
            if (database == TestDatabase.POSTGRESQL) {
                PreparedStatement query = c.prepareStatement("""
                        SELECT column_name AS name, data_type AS type FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position""");
                query.setString(1, relation);
                rs = query.executeQuery();
            } else {
                rs = c.createStatement().executeQuery("PRAGMA table_info(\"" + relation.replace("\"", "\"\"") + "\")");
            }
            while (rs.next()) {
                columns.put(
                        rs.getString("name").toLowerCase(Locale.ROOT),
                        rs.getString("type").toLowerCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of " + relation, e);
        }
        return columns;
    }

    private static String vendor(TestDatabase database) {
        return database == TestDatabase.POSTGRESQL ? "postgresql" : "sqlite";
    }
}
