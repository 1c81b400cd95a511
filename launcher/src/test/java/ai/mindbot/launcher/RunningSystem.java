package ai.mindbot.launcher;

import ai.mindbot.auth.AuthServer;
import ai.mindbot.common.test.EmbeddedPostgresServer;
import ai.mindbot.common.test.FreePort;
import ai.mindbot.common.test.Http;
import ai.mindbot.common.test.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services as {@code ./mindbot services} runs them (one JVM, {@link Mindbot#startAll}), on
 * settings a test chooses: a data directory or a PostgreSQL database of its own, a known JWT secret
 * and an admin address. The auth service gets a port picked beforehand so the time service and the
 * dashboard, which call it, know where it is.
 */
public final class RunningSystem implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@mindbot.test";

    private final List<ConfigurableApplicationContext> contexts;
    public final Map<String, String> settings;
    public final Http auth;
    public final Http time;
    public final Http admin;

    private RunningSystem(List<ConfigurableApplicationContext> contexts, Map<String, String> settings) {
        this.contexts = contexts;
        this.settings = settings;
        this.auth = new Http("http://127.0.0.1:" + port(0));
        this.time = new Http("http://127.0.0.1:" + port(1));
        this.admin = new Http("http://127.0.0.1:" + port(2));
    }

    /** Settings for a system on a fresh, empty database of this kind (its own data directory too). */
    public static Map<String, String> freshSettings(TestDatabase database) {
        Map<String, String> settings = new HashMap<>();
        try {
            settings.put(
                    "MINDBOT_DATA_DIR",
                    Files.createTempDirectory("mindbot-system-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings.put("DATABASE_URL", database == TestDatabase.POSTGRESQL ? EmbeddedPostgresServer.newDatabase() : "");
        settings.put("MINDBOT_ENV_FILE", "none.env");
        settings.put("JWT_SECRET", AuthServer.JWT_SECRET);
        settings.put("ADMIN_USERS", ADMIN_EMAIL);
        return settings;
    }

    public static RunningSystem start(Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        int authPort = FreePort.pick();
        all.put("AUTH_PORT", Integer.toString(authPort));
        all.put("AUTH_SERVICE_URL", "http://127.0.0.1:" + authPort);
        all.putIfAbsent("TIME_PORT", "0");
        all.putIfAbsent("ADMIN_PORT", "0");
        String[] args = all.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new RunningSystem(Mindbot.startAll(args), settings);
    }

    public int port(int service) {
        return ((WebServerApplicationContext) contexts.get(service))
                .getWebServer()
                .getPort();
    }

    /** The time service's database, for reading the ledger as it is stored. */
    public DataSource timeDatabase() {
        return contexts.get(1).getBean(DataSource.class);
    }

    /** An admin's access token, registering the admin on first use. */
    public String adminToken() {
        Map<String, String> credentials = Map.of("email", ADMIN_EMAIL, "password", AuthServer.PASSWORD);
        Http.Response login = auth.post("/auth/login", credentials);
        if (login.status() != 200) {
            login = auth.post(
                    "/auth/register",
                    Map.of("email", ADMIN_EMAIL, "password", AuthServer.PASSWORD, "full_name", "Admin"));
        }
        return login.json().get("access_token").asString();
    }

    @Override
    public void close() {
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
