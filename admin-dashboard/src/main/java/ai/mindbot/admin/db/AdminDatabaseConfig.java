package ai.mindbot.admin.db;

import ai.mindbot.admin.AdminSettings;
import ai.mindbot.common.config.ConfigValues;
import ai.mindbot.common.db.DatabaseAutoConfiguration;
import ai.mindbot.common.db.DatabaseUrl;
import ai.mindbot.common.db.SqlDialect;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replaces common's single DataSource with two: a read-only one on the views the other services
 * publish for reporting ({@link ReportsConnections}), and a writable one for the dashboard's own
 * tables, which it migrates itself ({@code db/admin/{vendor}}, history table {@code flyway_history_admin}).
 */
@Configuration(proxyBeanMethods = false)
class AdminDatabaseConfig {

    @Bean
    SqlDialect sqlDialect(Environment environment) {
        return databaseUrl(environment) == null ? SqlDialect.SQLITE : SqlDialect.POSTGRESQL;
    }

    /** Primary so Spring's own users of "the" DataSource (health check) see the business data. */
    @Bean
    @Primary
    DataSource reportsDataSource(Environment environment, AdminSettings settings) {
        String url = databaseUrl(environment);
        if (url != null) {
            return ReportsConnections.postgres(DatabaseUrl.parse(url), 8);
        }
        return ReportsConnections.sqlite(
                Path.of(environment.getRequiredProperty("mindbot.db.sqlite-path")), Path.of(settings.authDbPath()));
    }

    @Bean
    DataSource adminDataSource(Environment environment, AdminSettings settings) {
        String url = databaseUrl(environment);
        if (url != null) {
            return DatabaseAutoConfiguration.postgres(DatabaseUrl.parse(url), "admin-db", 4);
        }
        return DatabaseAutoConfiguration.sqlite(Path.of(settings.adminDbPath()), "admin-db");
    }

    @Bean
    ReportsDatabase reportsDatabase(@Qualifier("reportsDataSource") DataSource dataSource, SqlDialect dialect) {
        return new ReportsDatabase(JdbcClient.create(dataSource), dialect);
    }

    @Bean
    AdminDatabase adminDatabase(@Qualifier("adminDataSource") DataSource dataSource, SqlDialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/admin/" + (dialect == SqlDialect.POSTGRESQL ? "postgresql" : "sqlite"))
                .table("flyway_history_admin")
                // On PostgreSQL the public schema already holds the other services' tables.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new AdminDatabase(new JdbcTemplate(dataSource), dialect);
    }

    private static String databaseUrl(Environment environment) {
        return ConfigValues.of(environment).text("DATABASE_URL", null);
    }
}
