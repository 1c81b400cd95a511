package ai.mindbot.common.db;

import ai.mindbot.common.config.ConfigValues;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One DataSource per service: PostgreSQL when {@code DATABASE_URL} is set, otherwise the SQLite
 * file named by {@code mindbot.db.sqlite-path} (each service maps its seed variable, such as
 * {@code AUTH_DB_PATH}, onto it). SQLite runs in WAL mode with a busy timeout, foreign keys on and
 * IMMEDIATE transactions, so concurrent writers queue instead of failing on lock upgrades.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
public class DatabaseAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    DataSource dataSource(Environment environment) {
        var databaseUrl = ConfigValues.of(environment).text("DATABASE_URL");
        String pool = environment.getProperty("spring.application.name", "mindbot") + "-db";
        if (databaseUrl.isPresent()) {
            return postgres(
                    DatabaseUrl.parse(databaseUrl.get()),
                    pool,
                    environment.getProperty("mindbot.db.pool-size", Integer.class, 10));
        }
        Path file = Path.of(environment.getRequiredProperty("mindbot.db.sqlite-path"));
        return sqlite(file, pool);
    }

    @Bean
    @ConditionalOnMissingBean
    SqlDialect sqlDialect(DataSource dataSource) {
        return dataSource instanceof HikariDataSource h ? SqlDialect.ofJdbcUrl(h.getJdbcUrl()) : SqlDialect.SQLITE;
    }

    public static HikariDataSource postgres(DatabaseUrl url, String poolName, int poolSize) {
        HikariConfig config = postgresConfig(url, poolName, poolSize);
        log.info("database: PostgreSQL at {}", url.jdbcUrl().replaceAll("password=[^&]*", "password=***"));
        return new HikariDataSource(config);
    }

    /** A pool's settings for a PostgreSQL {@code DATABASE_URL}, for callers that add their own (the dashboard's read-only pool). */
    public static HikariConfig postgresConfig(DatabaseUrl url, String poolName, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(url.jdbcUrl());
        if (url.username() != null) {
            config.setUsername(url.username());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        config.setMaximumPoolSize(poolSize);
        return config;
    }

    public static HikariDataSource sqlite(Path file, String poolName) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for " + file, e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("busy_timeout", "15000");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("synchronous", "NORMAL");
        config.addDataSourceProperty("transaction_mode", "IMMEDIATE");
        config.setMaximumPoolSize(8);
        log.info("database: SQLite at {}", file.toAbsolutePath());
        return new HikariDataSource(config);
    }
}
