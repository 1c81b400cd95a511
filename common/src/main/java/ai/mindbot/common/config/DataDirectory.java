package ai.mindbot.common.config;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/** Where a service keeps files it owns (SQLite databases, the generated development secret). */
public final class DataDirectory {

    private DataDirectory() {}

    public static Path of(Environment environment) {
        return Path.of(environment.getProperty("MINDBOT_DATA_DIR", "./data"));
    }
}
