package ai.mindbot.common.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The databases every persistence test runs on. Use it as the source of a parameterized test or
 * class: {@code @MethodSource("ai.mindbot.common.test.TestDatabase#both")}.
 */
public enum TestDatabase {
    SQLITE,
    POSTGRESQL;

    public static Stream<TestDatabase> both() {
        return Stream.of(values());
    }

    /**
     * Properties that point a service at a fresh, empty database of this kind, with its own data
     * directory (SQLite files, generated development secret).
     */
    public Map<String, String> freshProperties() {
        Map<String, String> properties = new HashMap<>();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("mindbot-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.put("MINDBOT_DATA_DIR", dataDir.toString());
        properties.put("AUTH_DB_PATH", dataDir.resolve("mindbot_users.db").toString());
        properties.put(
                "TIME_DB_PATH", dataDir.resolve("mindbot_time_tracking.db").toString());
        if (this == POSTGRESQL) {
            properties.put("DATABASE_URL", EmbeddedPostgresServer.newDatabase());
        } else {
            properties.put("DATABASE_URL", "");
        }
        return properties;
    }
}
