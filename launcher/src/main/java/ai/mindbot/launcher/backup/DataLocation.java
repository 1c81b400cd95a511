package ai.mindbot.launcher.backup;

import ai.mindbot.common.db.DatabaseUrl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Where the system keeps its data, found the way the services find it: the one PostgreSQL database
 * of {@code DATABASE_URL}, or else each service's SQLite file, resolved from the service's own
 * properties file ({@code AUTH_DB_PATH}, {@code TIME_DB_PATH}, {@code ADMIN_DB_PATH}, under
 * {@code MINDBOT_DATA_DIR} by default), so the two can never disagree on a path.
 */
record DataLocation(DatabaseUrl postgres, List<SqliteFile> sqliteFiles) {

    /** One service's SQLite database and the name its copy has inside a backup. */
    record SqliteFile(String name, Path path) {
        String backupFileName() {
            return name + ".db";
        }
    }

    static DataLocation of(Map<String, String> settings) {
        String url = settings.getOrDefault("DATABASE_URL", "");
        if (!url.isBlank()) {
            return new DataLocation(DatabaseUrl.parse(url), List.of());
        }
        return new DataLocation(
                null,
                List.of(
                        new SqliteFile("auth", path(settings, "auth-service.properties", "mindbot.db.sqlite-path")),
                        new SqliteFile("time", path(settings, "time-service.properties", "mindbot.db.sqlite-path")),
                        new SqliteFile(
                                "admin", path(settings, "admin-dashboard.properties", "mindbot.admin.admin-db-path"))));
    }

    boolean isPostgres() {
        return postgres != null;
    }

    String kind() {
        return isPostgres() ? "postgresql" : "sqlite";
    }

    String describe() {
        return isPostgres()
                ? "PostgreSQL at " + postgres.jdbcUrl().replaceAll("password=[^&]*", "password=***")
                : "SQLite ("
                        + sqliteFiles.stream()
                                .map(f -> f.name() + ": " + f.path())
                                .collect(Collectors.joining(", ")) + ")";
    }

    private static Path path(Map<String, String> settings, String serviceProperties, String key) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("settings", new HashMap<>(settings)));
        try {
            environment
                    .getPropertySources()
                    .addLast(new ResourcePropertySource(new ClassPathResource(serviceProperties)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + serviceProperties, e);
        }
        return Path.of(environment.getRequiredProperty(key));
    }
}
